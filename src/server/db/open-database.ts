import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgDatabase } from './pg-database.ts';
import { openPgliteDatabase } from './pglite-database.ts';

export interface DatabaseSettings {
  /** A PostgreSQL URL; without one, the embedded database under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  let db: Database;
  if (settings.databaseUrl) {
    db = await openPgDatabase({ connectionString: settings.databaseUrl });
  } else {
    const dir = join(settings.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    db = await openPgliteDatabase(dir);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
