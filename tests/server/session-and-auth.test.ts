import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestDevice } from './support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  createTestServer,
  getProgress,
  launchToken,
  newSession,
  postEvents,
  PROVIDER_SECRET,
  storedEventCount,
  type TestServer,
} from './support/test-server.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(databaseKinds)('who is calling (%s)', (kind) => {
  let database: TestDatabase;
  let demo: TestServer;
  let provider: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    demo = await createTestServer(database.db);
    provider = await createTestServer(database.db, {
      mode: 'provider',
      sessionSecret: undefined,
      providerSecret: PROVIDER_SECRET,
    });
  });
  afterAll(() => database.dispose());

  it('reports its health and which database it runs on, without a token', async () => {
    const response = await demo.app.request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: kind });
  });

  describe('POST /api/v1/session', () => {
    it('gives a browser a participant identity without sign-up, as an HS256 token for a year', async () => {
      const response = await demo.app.request('/api/v1/session', { method: 'POST', body: '{}' });
      expect(response.status).toBe(201);
      const { token, participantId } = (await response.json()) as {
        token: string;
        participantId: string;
      };
      expect(participantId).toMatch(/^[0-9a-f-]{36}$/);
      const [header, payload] = token
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: participantId, mode: 'demo' });
      expect(payload.exp - payload.iat).toBe(365 * 24 * 3600);
      expect((await getProgress(demo, token, 'basics')).status).toBe(200);
    });

    it('gives every browser a different participant', async () => {
      const [a, b] = await Promise.all([newSession(demo), newSession(demo)]);
      expect(a.participantId).not.toBe(b.participantId);
    });

    it('is not offered in provider mode', async () => {
      const response = await provider.app.request('/api/v1/session', {
        method: 'POST',
        body: '{}',
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'session-unavailable' } });
    });
  });

  describe('bearer tokens', () => {
    const cases: [string, (server: TestServer) => Promise<string | undefined>, string][] = [
      ['a missing token', async () => undefined, 'token-missing'],
      ['garbage instead of a JWT', async () => 'not-a-jwt', 'token-malformed'],
      [
        'an expired launch token',
        (s) => launchToken(s, { sub: 'p-1', course: 'basics', iat: 1, exp: 2 }),
        'token-expired',
      ],
      [
        'a tampered launch token',
        async (s) => {
          const [header, , signature] = (
            await launchToken(s, { sub: 'p-1', course: 'basics' })
          ).split('.');
          return `${header}.${b64({ sub: 'p-2', course: 'basics', exp: 4_102_444_800 })}.${signature}`;
        },
        'token-signature-invalid',
      ],
      [
        'a token signed with another secret',
        (s) => launchToken(s, { sub: 'p-1' }, 'some-other-secret'),
        'token-signature-invalid',
      ],
      ['a demo token', async () => (await newSession(demo)).token, 'demo-token-refused'],
      [
        'a launch token without exp',
        async () => sign({ sub: 'p-1' }, PROVIDER_SECRET, 'HS256'),
        'token-claims-invalid',
      ],
      [
        'a launch token without sub',
        (s) => launchToken(s, { course: 'basics' }),
        'token-claims-invalid',
      ],
      [
        'an unsigned token (alg none)',
        async () =>
          `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'p-1', exp: 4_102_444_800 })}.`,
        'token-algorithm',
      ],
    ];

    it.each(cases)(
      'refuses %s in provider mode with 401 and its reason',
      async (_name, makeToken, code) => {
        const token = await makeToken(provider);
        const response = await provider.app.request('/api/v1/events', {
          method: 'POST',
          headers: token ? { authorization: `Bearer ${token}` } : {},
          body: JSON.stringify({
            events: [new TestDevice().event({ lessonId: 'one', type: 'started' })],
          }),
        });
        expect(response.status).toBe(401);
        const body = (await response.json()) as {
          error: { code: string; message: string; message_id: string };
        };
        expect(body.error.code).toBe(code);
        expect(body.error.message).toMatch(/\w/);
        expect(body.error.message_id).toMatch(/\w/);
        expect(await storedEventCount(database.db, 'p-1')).toBe(0);
      },
    );

    it('refuses a session token signed by another server in demo mode', async () => {
      const foreign = await sign(
        { sub: crypto.randomUUID(), mode: 'demo', exp: 4_102_444_800 },
        'other',
        'HS256',
      );
      const response = await getProgress(demo, foreign, 'basics');
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'token-signature-invalid' } });
    });

    it('accepts a valid launch token and records events for its participant', async () => {
      const token = await launchToken(provider, { sub: 'learner-42', course: 'basics' });
      const response = await postEvents(provider, token, [
        new TestDevice().event({ lessonId: 'one', type: 'started' }),
      ]);
      expect(response.status).toBe(200);
      expect(await storedEventCount(database.db, 'learner-42')).toBe(1);
    });
  });

  describe('scoping', () => {
    it('rejects events for a course the launch token does not allow, and stores nothing', async () => {
      const token = await launchToken(provider, { sub: 'learner-scope', course: 'basics' });
      const response = await postEvents(provider, token, [
        new TestDevice().event({ courseId: 'other', lessonId: 'only', type: 'started' }),
      ]);
      const body = (await response.json()) as { results: { status: string; field: string }[] };
      expect(body.results[0]).toMatchObject({ status: 'rejected', field: 'courseId' });
      expect(await storedEventCount(database.db, 'learner-scope')).toBe(0);
    });

    it('refuses to read progress of a course the launch token does not allow', async () => {
      const token = await launchToken(provider, { sub: 'learner-scope', course: 'basics' });
      const response = await getProgress(provider, token, 'other');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'course-not-allowed' } });
    });

    it("rejects an event that names another participant, and never shows one participant another's progress", async () => {
      const alice = await newSession(demo);
      const bob = await newSession(demo);
      const device = new TestDevice();
      demo.clock.advance(60);
      await postEvents(demo, alice.token, device.play('one', 10));
      const forged = {
        ...new TestDevice().event({ lessonId: 'one', type: 'started' }),
        participantId: alice.participantId,
      };
      const reply = (await (await postEvents(demo, bob.token, [forged])).json()) as {
        results: { status: string; field: string }[];
      };
      expect(reply.results[0]).toMatchObject({ status: 'rejected', field: 'participantId' });
      const bobs = (await (await getProgress(demo, bob.token, 'basics')).json()) as {
        lessons: { watchedSeconds: number }[];
      };
      expect(bobs.lessons.every((lesson) => lesson.watchedSeconds === 0)).toBe(true);
      const peek = await demo.app.request(
        `/api/v1/progress?course=basics&participant=${alice.participantId}`,
        {
          headers: { authorization: `Bearer ${bob.token}` },
        },
      );
      expect(peek.status).toBe(403);
      expect(await storedEventCount(database.db, bob.participantId)).toBe(0);
    });

    it("keeps another participant's reuse of an event id apart: it touches nothing of the first", async () => {
      const alice = await newSession(demo);
      const bob = await newSession(demo);
      const event = new TestDevice().event({ lessonId: 'one', type: 'started' });
      await postEvents(demo, alice.token, [event]);
      const reply = (await (await postEvents(demo, bob.token, [event])).json()) as {
        results: { status: string }[];
      };
      // Event ids are unique per participant (migration 004, shardable by participant).
      expect(reply.results[0]?.status).toBe('accepted');
      expect(await storedEventCount(database.db, alice.participantId)).toBe(1);
      expect(await storedEventCount(database.db, bob.participantId)).toBe(1);
      const again = (await (await postEvents(demo, alice.token, [event])).json()) as {
        results: { status: string }[];
      };
      expect(again.results[0]?.status).toBe('duplicate');
    });
  });
});
