import { participantKey } from './participant-key.ts';
import type { CourseCatalog } from '../courses/course-catalog.ts';
import type { Queryable } from '../db/database.ts';
import type { ProviderDirectory, ProviderRecord } from './provider-directory.ts';
import { findProvider, isStoredOrigin } from './provider-store.ts';
import { providerOfReportKey } from './report-key-store.ts';

/** The provider the server's own configuration defines: the demo one, or the env-configured one. */
export interface ConfiguredProvider {
  id: string;
  name: string;
  origins: readonly string[];
  reportKey?: string | undefined;
}

export interface DatabaseDirectorySettings {
  db: Queryable;
  courses: CourseCatalog;
  configured: ConfiguredProvider;
  /** Compares keys in constant time. */
  sameKey: (given: string, expected: string) => boolean;
}

/**
 * The provider directory backed by the database (providers, origins, report keys), with the
 * configured provider beside them. Courses come from the catalog, where each course folder names
 * its provider. Nothing is cached: a removed key or origin stops at the next request.
 */
export function databaseProviderDirectory(settings: DatabaseDirectorySettings): ProviderDirectory {
  const { db, courses, configured } = settings;
  const courseIdsOf = (providerId: string) =>
    courses.ids.filter((courseId) => courses.providerOf(courseId) === providerId);
  const byId = async (providerId: string): Promise<ProviderRecord | undefined> => {
    if (providerId === configured.id)
      return {
        id: configured.id,
        name: configured.name,
        origins: configured.origins,
        courseIds: courseIdsOf(configured.id),
      };
    const stored = await findProvider(db, providerId);
    return (
      stored && {
        id: stored.id,
        name: stored.name,
        origins: stored.origins,
        courseIds: courseIdsOf(stored.id),
        participantPrefix: participantKey(stored.id, '', true),
      }
    );
  };
  return {
    byId,
    byCourse: async (courseId) => {
      const providerId = courses.providerOf(courseId);
      return providerId === undefined ? undefined : byId(providerId);
    },
    byReportKey: async (key) => {
      if (configured.reportKey !== undefined && settings.sameKey(key, configured.reportKey))
        return byId(configured.id);
      const providerId = await providerOfReportKey(db, key);
      return providerId === undefined ? undefined : byId(providerId);
    },
    allowsOrigin: async (origin) =>
      configured.origins.includes(origin) || (await isStoredOrigin(db, origin)),
  };
}
