import type { EnvSettings } from '../config.ts';
import { openLiveCatalog, type LiveCatalog } from '../courses/live-catalog.ts';
import type { Database } from '../db/database.ts';
import { sameKey } from '../auth/require-report-key.ts';
import { databaseProviderDirectory, type ConfiguredProvider } from './database-directory.ts';
import type { LaunchKeyring } from './launch-keyring.ts';
import { DEMO_PROVIDER_ID, type ProviderDirectory } from './provider-directory.ts';
import { findProvider } from './provider-store.ts';
import { findSecret } from './secret-store.ts';

/** The env-configured provider's id when RUNTUT_PROVIDER_ID does not name it. */
export const ENV_PROVIDER_ID = 'default';

export interface ProviderSetup {
  courses: LiveCatalog;
  providers: ProviderDirectory;
  keyring: LaunchKeyring;
  defaultProviderId: string;
}

/**
 * Providers for the server: the configured one (demo, or RUNTUT_PROVIDER_SECRET's), owning the
 * course folders that name no provider, and every provider in the database.
 */
export async function setUpProviders(
  settings: EnvSettings,
  db: Database,
  configured: Omit<ConfiguredProvider, 'id' | 'name'>,
  now: () => number,
  log: (message: string) => void = console.warn,
): Promise<ProviderSetup> {
  const demo = settings.providerSecret === undefined;
  const defaultProviderId = demo ? DEMO_PROVIDER_ID : (settings.providerId ?? ENV_PROVIDER_ID);
  const courses = await openLiveCatalog({
    dir: settings.coursesDir,
    db,
    defaultProviderId,
    providerExists: async (id) =>
      id === defaultProviderId || (await findProvider(db, id)) !== undefined,
    log,
    now,
    pollMs: settings.coursesPollMs,
  });
  const providers = databaseProviderDirectory({
    db,
    courses,
    configured: {
      id: defaultProviderId,
      name: demo ? 'Runtut demo' : 'Configured provider',
      ...configured,
    },
    sameKey,
  });
  return {
    courses,
    providers,
    keyring: { byKid: (kid) => findSecret(db, kid) },
    defaultProviderId,
  };
}
