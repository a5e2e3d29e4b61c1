import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgDatabase, type PgOptions } from './pg-database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { lockDataDir } from './data-dir-lock.ts';

/** Opens the embedded database under the data directory's lock, released when it closes. */
async function withDataDirLock(settings: DatabaseSettings, openIt: () => Promise<Database>) {
  const release = await lockDataDir(settings.dataDir, settings.role ?? 'Runtut server');
  const db = await openIt().catch(async (error: unknown) => {
    await release();
    throw error;
  });
  return { ...db, close: () => db.close().finally(release) };
}

export interface DatabaseSettings {
  /** A PostgreSQL URL; without one, the embedded database under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who opens it, named when another process finds the embedded database busy. */
  role?: string | undefined;
  /** PostgreSQL pool bounds and timeouts (PG_POOL_DEFAULTS when absent). */
  pool?: Omit<PgOptions, 'connectionString' | 'schema'> | undefined;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  let db: Database;
  if (settings.databaseUrl) {
    db = await openPgDatabase({ connectionString: settings.databaseUrl, ...settings.pool });
  } else {
    const dir = join(settings.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    db = await withDataDirLock(settings, () => openPgliteDatabase(dir));
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
