import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestDevice } from './support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  createTestServer,
  launchToken,
  newSession,
  postEvents,
  PROVIDER_SECRET,
  REPORT_KEY,
  type TestServer,
} from './support/test-server.ts';

const REPORT = '/api/v1/reports/courses/basics/completions';

describe.each(databaseKinds)('GET /api/v1/reports/courses/:id/completions (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let provider: TestServer;
  let alice: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await createTestServer(database.db);
    provider = await createTestServer(database.db, {
      mode: 'provider',
      providerSecret: PROVIDER_SECRET,
    });
    const session = await newSession(server);
    alice = session.participantId;
    // Completed at 2026-11-22 12:05:03 UTC = 21:05:03 WIT; lesson two after an order flag.
    server.clock.advance(303);
    const phone = new TestDevice('alice-phone', server.clock.ms - 200_000);
    await postEvents(server, session.token, phone.play('two', 20));
    await postEvents(server, session.token, phone.play('one', 20));
    await postEvents(server, session.token, phone.play('three', 10, { claimEnd: false }));
    // A provider participant whose id would run as a spreadsheet formula.
    provider.clock.ms = server.clock.ms;
    const token = await launchToken(provider, {
      sub: '=HYPERLINK("x")',
      course: 'basics',
      iat: Math.floor(server.clock.ms / 1000) - 600,
    });
    await postEvents(
      provider,
      token,
      new TestDevice('eve-phone', server.clock.ms - 100_000).play('one', 20),
    );
  });
  afterAll(() => database.dispose());

  const get = (path: string, key: string | null = REPORT_KEY) =>
    server.app.request(path, { headers: key ? { 'x-api-key': key } : {} });

  it.each<[string, string | null, number, string]>([
    ['no key', null, 401, 'api-key-invalid'],
    ['a wrong key', 'guess', 401, 'api-key-invalid'],
  ])('refuses %s', async (_name, key, status, code) => {
    const response = await get(REPORT, key);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('is disabled with a clear 503 when no report key is configured', async () => {
    const unkeyed = await createTestServer(database.db, { reportKey: undefined });
    const response = await unkeyed.app.request(REPORT, { headers: { 'x-api-key': 'anything' } });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'reports-disabled' } });
  });

  it('answers 404 for an unknown course and 400 for an unknown format', async () => {
    expect((await get('/api/v1/reports/courses/nope/completions')).status).toBe(404);
    expect((await get(`${REPORT}?format=xml`)).status).toBe(400);
  });

  it('lists server-decided completions with the server time in UTC and WIT, coverage and flags', async () => {
    const response = await get(REPORT);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      courseId: string;
      completions: Record<string, unknown>[];
    };
    expect(body.courseId).toBe('basics');
    const rows = body.completions.filter((row) => row.participantId === alice);
    expect(rows).toEqual([
      {
        participantId: alice,
        lessonId: 'one',
        lessonTitle: 'Satu, "pembuka"',
        completedAt: '2026-11-22T12:05:03.000Z',
        completedAtWit: '2026-11-22 21:05:03 WIT',
        coverage: 1,
        watchedSeconds: 20,
        flags: [],
      },
      {
        participantId: alice,
        lessonId: 'two',
        lessonTitle: 'Dua',
        completedAt: '2026-11-22T12:05:03.000Z',
        completedAtWit: '2026-11-22 21:05:03 WIT',
        coverage: 1,
        watchedSeconds: 20,
        flags: ['completion:unconfirmed', 'order:earlier-incomplete'],
      },
    ]);
    expect(body.completions.some((row) => row.lessonId === 'three')).toBe(false);
  });

  it('gives the same rows as CSV, escaped, with formula-like text defused', async () => {
    const response = await get(`${REPORT}?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'participantId,lessonId,lessonTitle,completedAt,completedAtWit,coverage,watchedSeconds,flags',
    );
    expect(lines).toContain(
      `${alice},one,"Satu, ""pembuka""",2026-11-22T12:05:03.000Z,2026-11-22 21:05:03 WIT,1,20,`,
    );
    expect(lines).toContain(
      `${alice},two,Dua,2026-11-22T12:05:03.000Z,2026-11-22 21:05:03 WIT,1,20,completion:unconfirmed;order:earlier-incomplete`,
    );
    expect(lines.some((line) => line.startsWith(`"'=HYPERLINK(""x"")",one,`))).toBe(true);
    expect(lines).toHaveLength(4);
  });
});
