import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteReportKey } from '../../src/server/providers/report-key-store.ts';
import { removeOrigin } from '../../src/server/providers/provider-store.ts';
import { TestDevice } from './support/lesson-play.ts';
import {
  addTestProvider,
  CoursesDir,
  manifest,
  providerServer,
  providerToken,
  type StoredTestProvider,
} from './support/provider-world.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  getProgress,
  newSession,
  postEvents,
  REPORT_KEY,
  type TestServer,
} from './support/test-server.ts';
import type { ProviderSetup } from '../../src/server/providers/provider-setup.ts';

interface EventReply {
  results: { status: string; field?: string; reason?: string }[];
}

const report = (server: TestServer, course: string, key: string) =>
  server.app.request(`/api/v1/reports/courses/${course}/completions`, {
    headers: { 'x-api-key': key },
  });

describe.each(databaseKinds)('providers never cross (%s)', (kind) => {
  let database: TestDatabase;
  let courses: CoursesDir;
  let server: TestServer;
  let setup: ProviderSetup;
  let acme: StoredTestProvider;
  let beta: StoredTestProvider;

  /** Plays lesson l1 of `course` through as `sub` of `provider`; the server's replies. */
  async function play(provider: StoredTestProvider, sub: string, course: string) {
    const iat = Math.floor(server.clock.ms / 1000) - 600;
    const token = await providerToken(server, provider, { sub, course, iat });
    const device = new TestDevice(`${provider.id}-${sub}`, server.clock.ms - 100_000);
    const response = await postEvents(server, token, device.play('l1', 20, { courseId: course }));
    return { token, reply: (await response.json()) as EventReply };
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    courses = await CoursesDir.create();
    acme = await addTestProvider(database.db, 'acme', Date.now());
    beta = await addTestProvider(database.db, 'beta', Date.now());
    await courses.write('acme-course', manifest('acme-course', { providerId: 'acme' }));
    await courses.write('beta-course', manifest('beta-course', { providerId: 'beta' }));
    await courses.write('demo-course', manifest('demo-course'));
    ({ server, setup } = await providerServer(database.db, courses.path));
  });
  afterAll(async () => {
    setup.courses.close();
    await database.dispose();
    await courses.dispose();
  });

  it("lets a launch token open its own provider's course", async () => {
    const { token, reply } = await play(acme, 'p-1', 'acme-course');
    expect(reply.results.every((result) => result.status === 'accepted')).toBe(true);
    expect((await getProgress(server, token, 'acme-course')).status).toBe(200);
  });

  it("refuses a launch token on another provider's course: events and progress", async () => {
    const { token, reply } = await play(acme, 'p-2', 'beta-course');
    expect(reply.results[0]).toMatchObject({ status: 'rejected', field: 'courseId' });
    expect(reply.results[0]?.reason).toMatch(/another provider/);
    const progress = await getProgress(server, token, 'beta-course');
    expect(progress.status).toBe(403);
    expect(await progress.json()).toMatchObject({ error: { code: 'course-other-provider' } });
  });

  it("refuses demo session tokens on a stored provider's course, and theirs on the demo's", async () => {
    const session = await newSession(server);
    const device = new TestDevice();
    const response = await postEvents(
      server,
      session.token,
      device.play('l1', 5, { courseId: 'acme-course' }),
    );
    expect(((await response.json()) as EventReply).results[0]?.status).toBe('rejected');
    expect((await getProgress(server, session.token, 'demo-course')).status).toBe(200);
    const acmeToken = await providerToken(server, acme, { sub: 'p-3' });
    expect((await getProgress(server, acmeToken, 'demo-course')).status).toBe(403);
  });

  it("keeps two providers' participants with the same id apart", async () => {
    await play(acme, 'same-id', 'acme-course');
    await play(beta, 'same-id', 'beta-course');
    const acmeRows = (await (await report(server, 'acme-course', acme.reportKey)).json()) as {
      completions: { participantId: string }[];
    };
    const betaRows = (await (await report(server, 'beta-course', beta.reportKey)).json()) as {
      completions: { participantId: string }[];
    };
    expect(acmeRows.completions.map((row) => row.participantId)).toContain('same-id');
    expect(betaRows.completions.map((row) => row.participantId)).toEqual(['same-id']);
    const { rows } = await database.db.query<{ id: string }>(
      `SELECT id FROM participants WHERE id LIKE '%same-id' ORDER BY id`,
    );
    expect(rows.map((row) => row.id)).toEqual(['acme:same-id', 'beta:same-id']);
  });

  // Another provider's course is answered exactly like a course that does not exist.
  it.each<[string, number, () => string, string]>([
    ["acme's key on acme's course", 200, () => acme.reportKey, 'acme-course'],
    ["acme's key on beta's course", 404, () => acme.reportKey, 'beta-course'],
    ["beta's key on acme's course", 404, () => beta.reportKey, 'acme-course'],
    ["the demo key on acme's course", 404, () => REPORT_KEY, 'acme-course'],
    ["acme's key on the demo course", 404, () => acme.reportKey, 'demo-course'],
    ['the demo key on the demo course', 200, () => REPORT_KEY, 'demo-course'],
    ['a made-up key', 401, () => 'rk_00000000_guess', 'acme-course'],
  ])('answers %s with HTTP %i', async (_name, status, key, course) => {
    expect((await report(server, course, key())).status).toBe(status);
  });

  it('stops a removed report key at once', async () => {
    const key = await addTestProvider(database.db, 'gamma', Date.now());
    expect((await report(server, 'acme-course', key.reportKey)).status).toBe(404);
    expect(await deleteReportKey(database.db, 'gamma', key.reportKeyId)).toBe(true);
    const response = await report(server, 'acme-course', key.reportKey);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'api-key-invalid' } });
  });

  it('stores report keys only as hashes', async () => {
    const { rows } = await database.db.query<{ key_hash: string }>(
      `SELECT key_hash FROM provider_report_keys WHERE provider_id = 'acme'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(acme.reportKey);
  });

  it("gives each course its own provider's embedding origins, and no other's", async () => {
    expect((await setup.providers.byCourse('acme-course'))?.origins).toEqual([acme.origin]);
    expect((await setup.providers.byCourse('beta-course'))?.origins).toEqual([beta.origin]);
    expect((await setup.providers.byCourse('demo-course'))?.origins).toEqual([
      'https://demo-site.example',
    ]);
    expect((await setup.providers.byId('acme'))?.courseIds).toEqual(['acme-course']);
    expect((await setup.providers.byReportKey(beta.reportKey))?.id).toBe('beta');
  });

  it("answers CORS for any provider's origin, none for others, and stops a removed one", async () => {
    const preflight = (origin: string) =>
      server.app.request('/api/v1/events', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = async (origin: string) =>
      (await preflight(origin)).headers.get('access-control-allow-origin');
    expect(await allowed(acme.origin)).toBe(acme.origin);
    expect(await allowed(beta.origin)).toBe(beta.origin);
    expect(await allowed('https://demo-site.example')).toBe('https://demo-site.example');
    expect(await allowed('https://evil.example')).toBeNull();
    await removeOrigin(database.db, 'beta', beta.origin);
    expect(await allowed(beta.origin)).toBeNull();
  });
});
