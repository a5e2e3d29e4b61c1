import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Database, Queryable } from '../../src/server/db/database.ts';
import { DEFAULT_LIMITS, type LimitSettings } from '../../src/server/limits/limit-settings.ts';
import { createJsonLogger } from '../../src/server/observability/json-logger.ts';
import { createServerMetrics } from '../../src/server/observability/server-metrics.ts';
import { postEvents as clientPostEvents } from '../../src/sync/api-client.ts';
import { TestDevice } from './support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  createTestServer,
  newSession,
  postEvents,
  storedEventCount,
} from './support/test-server.ts';

const off = { capacity: 0, perSecond: 0 };
const limits = (change: Partial<LimitSettings>): LimitSettings => ({
  ...DEFAULT_LIMITS,
  participant: off,
  address: off,
  requestTimeoutMs: 0,
  ...change,
});

/** A database whose every query first waits `ms` (a slow or stalled database). */
function slowDatabase(db: Database, ms: number): Database {
  const wait = () => new Promise((resolve) => setTimeout(resolve, ms));
  const wrap = (target: Queryable): Queryable => ({
    query: async (sql, params) => (await wait(), target.query(sql, params)),
    exec: async (sql) => (await wait(), target.exec(sql)),
  });
  return { ...db, ...wrap(db), transaction: (work) => db.transaction((tx) => work(wrap(tx))) };
}

describe.each(databaseKinds)('limits, readiness and observability (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('answers 429 with Retry-After once a participant used their bucket, and stores nothing', async () => {
    const metrics = createServerMetrics({ defaultMetrics: false });
    const server = await createTestServer(database.db, {});
    const limited = await createTestServer(database.db, {}); // its own clock, moved below
    const app = buildApp({
      db: database.db,
      config: limited.config,
      log: () => undefined,
      metrics,
      limits: limits({ participant: { capacity: 2, perSecond: 0.5 } }),
    });
    const alice = await newSession(server);
    const bob = await newSession(server);
    const device = new TestDevice();
    const send = (token: string) =>
      postEvents({ ...limited, app }, token, [device.event({ lessonId: 'one', type: 'started' })]);
    expect((await send(alice.token)).status).toBe(200);
    expect((await send(alice.token)).status).toBe(200);
    const refused = await send(alice.token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
    expect(await storedEventCount(database.db, alice.participantId)).toBe(2);
    expect((await send(bob.token)).status).toBe(200);
    limited.clock.advance(2);
    expect((await send(alice.token)).status).toBe(200);
    expect(await metrics.registry.metrics()).toMatch(
      /runtut_rate_limited_total\{scope="participant"\} 1/,
    );
  });

  it('limits each client address on its own, and the sync client reads the wait', async () => {
    const server = await createTestServer(database.db, {});
    const app = buildApp({
      db: database.db,
      config: server.config,
      log: () => undefined,
      limits: limits({ address: { capacity: 1, perSecond: 0.2 }, trustProxy: true }),
    });
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` });
    const session = (address: string) =>
      app.request('/api/v1/session', { method: 'POST', headers: from(address), body: '{}' });
    expect((await session('203.0.113.5')).status).toBe(201);
    expect((await session('203.0.113.5')).status).toBe(429);
    expect((await session('198.51.100.7')).status).toBe(201);
    const reply = await clientPostEvents(
      {
        apiBase: '',
        timeoutMs: 5_000,
        fetch: async (input, init) =>
          app.request(input, {
            ...init,
            headers: { ...(init.headers as object), ...from('203.0.113.5') },
          }),
      },
      'any-token',
      [],
    );
    expect(reply).toMatchObject({ ok: false, kind: 'server', status: 429, retryAfterMs: 5000 });
  });

  it('answers 503 request-timeout with Retry-After when the database is too slow', async () => {
    const server = await createTestServer(database.db, {});
    const app = buildApp({
      db: slowDatabase(database.db, 300),
      config: server.config,
      log: () => undefined,
      limits: limits({ requestTimeoutMs: 50 }),
    });
    const response = await app.request('/api/v1/session', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: { code: 'request-timeout' } });
  });

  it('is ready only with every migration applied and while not draining', async () => {
    const own = await openTestDatabase(kind);
    const lifecycle = { draining: false };
    const server = await createTestServer(own.db, {});
    const app = buildApp({ db: own.db, config: server.config, log: () => undefined, lifecycle });
    const ready = await app.request('/api/v1/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: kind });
    await own.db.query('DELETE FROM schema_migrations WHERE version = 4');
    const pending = await app.request('/api/v1/ready');
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ reason: 'migrations-pending', missing: [4] });
    lifecycle.draining = true;
    expect(await (await app.request('/api/v1/ready')).json()).toMatchObject({
      reason: 'shutting-down',
    });
    await own.db.close();
    // Alive even when the database is not: an orchestrator should not restart for a DB blip.
    expect((await app.request('/api/v1/health')).status).toBe(200);
    lifecycle.draining = false;
    expect((await app.request('/api/v1/ready')).status).toBe(503);
    await own.dispose().catch(() => undefined);
  });

  it('logs one JSON line per request with its id, echoed to the client, and counts ingest', async () => {
    const lines: string[] = [];
    const metrics = createServerMetrics({ defaultMetrics: false });
    const server = await createTestServer(database.db, {});
    const app = buildApp({
      db: database.db,
      config: server.config,
      logger: createJsonLogger((line) => lines.push(line)),
      metrics,
    });
    const { token } = await newSession(server);
    const device = new TestDevice();
    const events = device.play('one', 10, { claimEnd: false });
    const response = await app.request('/api/v1/events', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-request-id': 'client-chosen-id-123',
      },
      body: JSON.stringify({ events: [...events, events[0]] }),
    });
    expect(response.headers.get('x-request-id')).toBe('client-chosen-id-123');
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        requestId: 'client-chosen-id-123',
        path: '/api/v1/events',
        status: 200,
      }),
    );
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/runtut_ingest_events_total\{status="accepted"\} 3/);
    expect(text).toMatch(/runtut_ingest_events_total\{status="duplicate"\} 1/);
    // The session is brand new: the 10 s claimed exceed the time since it, and are flagged.
    expect(text).toMatch(/runtut_ingest_flags_total\{flag="pace:exceeds-wall-clock"\} \d+/);
    expect(text).toMatch(
      /runtut_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/events"\} 1/,
    );
  });
});
