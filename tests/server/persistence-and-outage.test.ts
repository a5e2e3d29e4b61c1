import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSessionSecret } from '../../src/server/auth/session-secret.ts';
import type { Database, Queryable } from '../../src/server/db/database.ts';
import { migrate, readMigrations } from '../../src/server/db/migrate.ts';
import { openPgliteDatabase } from '../../src/server/db/pglite-database.ts';
import { TestDevice } from './support/lesson-play.ts';
import {
  databaseKinds,
  openTestDatabase,
  pgliteTemplate,
  type TestDatabase,
} from './support/test-databases.ts';
import {
  createTestServer,
  getProgress,
  newSession,
  postEvents,
  storedEventCount,
} from './support/test-server.ts';

describe('the embedded database on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runtut-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Two starts of the embedded database: slow on a busy 2-core machine, hence the long timeout.
  it('keeps sessions, events and completions across a restart', { timeout: 90_000 }, async () => {
    const first = await openPgliteDatabase(dir, { loadDataDir: await pgliteTemplate() });
    expect(await migrate(first)).toEqual([]);
    const secret = await ensureSessionSecret(first);
    const before = await createTestServer(first, { sessionSecret: secret });
    const { token, participantId } = await newSession(before);
    before.clock.advance(60);
    await postEvents(before, token, new TestDevice().play('one', 20));
    const progressBefore = await (await getProgress(before, token, 'basics')).json();
    await first.close();

    const second = await openPgliteDatabase(dir);
    try {
      expect(await migrate(second)).toEqual([]);
      expect(await ensureSessionSecret(second)).toBe(secret);
      const after = await createTestServer(second, { sessionSecret: secret });
      const response = await getProgress(after, token, 'basics');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(progressBefore);
      expect(await storedEventCount(second, participantId)).toBe(5);
    } finally {
      await second.close();
    }
  });
});

/** A database whose writes to lesson_progress fail as if the disk were full. */
function failingProgressWrites(db: Database): Database {
  const diskFull = () =>
    Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' });
  const wrap = (tx: Queryable): Queryable => ({
    query: (sql, params) =>
      sql.includes('INSERT INTO lesson_progress')
        ? Promise.reject(diskFull())
        : tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
  });
  return { ...db, transaction: (work) => db.transaction((tx) => work(wrap(tx))) };
}

describe.each(databaseKinds)('when the database fails (%s)', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('applies each migration once, and all or nothing', async () => {
    const shipped = await readMigrations();
    const versions = shipped.map((migration) => migration.version);
    // Numbered once each, in order (features reserve their numbers: 003, 004, 005, …).
    expect(versions.slice(0, 2)).toEqual([1, 2]);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    const extra = { version: 900, name: '900_extra.sql', sql: 'CREATE TABLE extra_900 (x int);' };
    expect(await migrate(database.db, [...shipped, extra])).toEqual([900]);
    expect(await migrate(database.db, [...shipped, extra])).toEqual([]);
    const good = { version: 901, name: '901_good.sql', sql: 'CREATE TABLE extra_901 (x int);' };
    const bad = {
      version: 902,
      name: '902_bad.sql',
      sql: 'CREATE TABLE extra_902 (x nosuchtype);',
    };
    await expect(migrate(database.db, [...shipped, good, bad])).rejects.toThrow(/nosuchtype/);
    const { rows } = await database.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((row) => row.version)).toEqual([...versions, 900]);
    const tables = await database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'extra_901'",
    );
    expect(tables.rows[0]?.n).toBe(0);
  });

  it('answers a batch that fails half-way with 503 and leaves nothing half-written', async () => {
    const healthy = await createTestServer(database.db);
    const { token, participantId } = await newSession(healthy);
    const broken = await createTestServer(failingProgressWrites(database.db));
    broken.clock.advance(60);
    const response = await postEvents(broken, token, new TestDevice().play('one', 20));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: { code: 'database-unavailable' } });
    expect(await storedEventCount(database.db, participantId)).toBe(0);
    const { rows } = await database.db.query<{ credited_seconds: number }>(
      'SELECT credited_seconds FROM participants WHERE id = $1',
      [participantId],
    );
    expect(rows[0]?.credited_seconds).toBe(0);
  });

  it('answers every API call with a clear 503 once the database is closed', async () => {
    const own = await openTestDatabase(kind);
    const server = await createTestServer(own.db);
    const { token } = await newSession(server);
    await own.db.close();
    const calls = [
      server.app.request('/api/v1/ready'),
      server.app.request('/api/v1/session', { method: 'POST', body: '{}' }),
      postEvents(server, token, [new TestDevice().event({ lessonId: 'one', type: 'started' })]),
      getProgress(server, token, 'basics'),
      server.app.request('/api/v1/reports/courses/basics/completions', {
        headers: { 'x-api-key': 'test-report-key' },
      }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: 'database-unavailable' } });
    }
    await own.dispose().catch(() => undefined);
  });
});
