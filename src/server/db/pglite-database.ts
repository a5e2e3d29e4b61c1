import { PGlite } from '@electric-sql/pglite';
import {
  classifyDatabaseError,
  DatabaseUnavailableError,
  type Database,
  type Queryable,
} from './database.ts';

export interface PgliteOptions {
  /** Start from a dump of another data directory (tests start from a migrated template). */
  loadDataDir?: Blob;
}

/** The embedded PostgreSQL (WebAssembly), file-backed under `dataDir`, or in memory without one. */
export async function openPgliteDatabase(
  dataDir?: string,
  options: PgliteOptions = {},
): Promise<Database> {
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...options });
  const guard = () => {
    if (pglite.closed)
      throw new DatabaseUnavailableError(new Error('the embedded database is closed'));
  };
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      guard();
      const result = await target.query<Row>(sql, [...params]).catch(classifyDatabaseError);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      guard();
      await target.exec(sql).catch(classifyDatabaseError);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    async transaction(work) {
      guard();
      return pglite.transaction((tx) => work(wrap(tx))).catch(classifyDatabaseError);
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}
