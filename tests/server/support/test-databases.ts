import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../../../src/server/db/database.ts';
import { migrate, readMigrations } from '../../../src/server/db/migrate.ts';
import { openPgDatabase } from '../../../src/server/db/pg-database.ts';
import { openPgliteDatabase } from '../../../src/server/db/pglite-database.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL_TEST is set (scripts/with-postgres.sh sets it). */
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL_TEST
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase {
  db: Database;
  /** Closes the database and removes what the test made (the PostgreSQL schema). */
  dispose(): Promise<void>;
}

/**
 * A migrated PGlite data directory, made once per set of migrations and kept in the temp folder:
 * loading it takes a fraction of a second where initdb takes several.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const migrations = await readMigrations();
  const key = createHash('sha256')
    .update(migrations.map((migration) => `${migration.name}\n${migration.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `runtut-pglite-template-${key}.tar`);
  if (!existsSync(file)) {
    const pglite = await PGlite.create();
    const raw = (target: Pick<PGlite, 'query' | 'exec'>) => ({
      query: async <Row>(sql: string, params: readonly unknown[] = []) => ({
        rows: (await target.query<Row>(sql, [...params])).rows,
      }),
      exec: async (sql: string) => void (await target.exec(sql)),
    });
    await migrate(
      {
        kind: 'pglite',
        ...raw(pglite),
        transaction: (work) => pglite.transaction((tx) => work(raw(tx))),
        close: () => pglite.close(),
      },
      migrations,
    );
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    // Write then rename, so a parallel test file never reads half a template.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  }
  return new Blob([await readFile(file)]);
}

/** A fresh, migrated database: in-memory PGlite, or a uniquely named schema on PostgreSQL. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase(undefined, { loadDataDir: await pgliteTemplate() });
    await migrate(db);
    return { db, dispose: () => db.close() };
  }
  const connectionString = process.env.DATABASE_URL_TEST ?? '';
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openPgDatabase({ connectionString, schema });
  await migrate(db);
  return {
    db,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
