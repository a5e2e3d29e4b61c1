/**
 * Who publishes what, and who may see it: the one seam every provider-scoped feature asks
 * (report keys, embedding origins, courses). The server backs it with the database
 * (database-directory.ts, docs/providers.md); `singleProviderDirectory` answers from a
 * configuration alone (tests, and configs built without a database).
 */
export interface ProviderRecord {
  id: string;
  name: string;
  /** Origins allowed to embed the player (CSP frame-ancestors) and to call the API (CORS). */
  origins: readonly string[];
  courseIds: readonly string[];
  /**
   * What the server puts before this provider's participant ids when it stores them
   * (participant-key.ts): `"acme:"` for a provider in the database, `""` (the default) for the
   * configured one. Reports strip it on the way out and add it to ids asked for.
   */
  participantPrefix?: string;
}

export interface ProviderDirectory {
  byId(providerId: string): Promise<ProviderRecord | undefined>;
  /** The provider that publishes the course, if the course is known. */
  byCourse(courseId: string): Promise<ProviderRecord | undefined>;
  /** The provider whose report API key this is (the key as presented), or undefined. */
  byReportKey(key: string): Promise<ProviderRecord | undefined>;
  /** Whether any provider allows this origin (CORS, before the caller is known). */
  allowsOrigin?(origin: string): Promise<boolean>;
}

export const DEMO_PROVIDER_ID = 'demo';

export interface SingleProviderSettings {
  reportKey?: string | undefined;
  origins: readonly string[];
  courseIds: () => readonly string[];
  /** Compares keys in constant time (node:crypto lives outside this seam's callers). */
  sameKey: (given: string, expected: string) => boolean;
}

/** One provider that owns every course: the demo, and single-provider deployments. */
export function singleProviderDirectory(settings: SingleProviderSettings): ProviderDirectory {
  const record = (): ProviderRecord => ({
    id: DEMO_PROVIDER_ID,
    name: 'Runtut demo',
    origins: settings.origins,
    courseIds: settings.courseIds(),
  });
  return {
    byId: async (providerId) => (providerId === DEMO_PROVIDER_ID ? record() : undefined),
    byCourse: async (courseId) => (settings.courseIds().includes(courseId) ? record() : undefined),
    byReportKey: async (key) =>
      settings.reportKey !== undefined && settings.sameKey(key, settings.reportKey)
        ? record()
        : undefined,
    allowsOrigin: async (origin) => settings.origins.includes(origin),
  };
}
