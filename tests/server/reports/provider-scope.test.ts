import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WRONG_KEYS } from '../../../src/server/reports/key-attempts.ts';
import { TestDevice } from '../support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';
import { newSession, postEvents, type TestServer } from '../support/test-server.ts';
import { cookieOf, KEY_A, KEY_B, report, signIn, twoProviderServer } from './report-support.ts';

describe.each(databaseKinds)('the report API and console of one provider (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let shared: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await twoProviderServer(database.db);
    // One participant in both providers' courses: each provider may see only its own course.
    const session = await newSession(server);
    shared = session.participantId;
    server.clock.advance(600);
    const phone = new TestDevice('shared-phone', server.clock.ms - 500_000);
    await postEvents(server, session.token, phone.play('one', 20));
    await postEvents(server, session.token, phone.play('only', 10, { courseId: 'other' }));
    const other = await newSession(server);
    await postEvents(
      server,
      other.token,
      new TestDevice('b-only-phone', server.clock.ms - 100_000).play('only', 6, {
        courseId: 'other',
        claimEnd: false,
      }),
    );
  });
  afterAll(() => database.dispose());

  const json = async (response: Response) => {
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  it('lists only its own courses', async () => {
    const a = await json(await report(server, '/api/v1/reports/courses', { key: KEY_A }));
    const b = await json(await report(server, '/api/v1/reports/courses', { key: KEY_B }));
    expect((a.courses as { id: string }[]).map((course) => course.id)).toEqual(['basics']);
    expect((b.courses as { id: string }[]).map((course) => course.id)).toEqual(['other']);
  });

  it.each([
    'overview',
    'lessons',
    'flags',
    'participants',
    'completions',
    'participants/PID',
    'participants/PID?format=csv',
  ])('answers 404 for the other provider’s course: %s', async (tail) => {
    const path = `/api/v1/reports/courses/other/${tail.replace('PID', shared)}`;
    const response = await report(server, path, { key: KEY_A });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'course-unknown' } });
  });

  it('shows each provider only its own course’s numbers', async () => {
    const a = await json(
      await report(server, '/api/v1/reports/courses/basics/overview', { key: KEY_A }),
    );
    const b = await json(
      await report(server, '/api/v1/reports/courses/other/overview', { key: KEY_B }),
    );
    expect(a).toMatchObject({
      courseId: 'basics',
      participantsStarted: 1,
      participantsFinished: 0,
    });
    expect(b).toMatchObject({ courseId: 'other', participantsStarted: 2, participantsFinished: 1 });
    const list = await json(
      await report(server, '/api/v1/reports/courses/basics/participants', { key: KEY_A }),
    );
    expect(
      (list.participants as { participantId: string }[]).map((row) => row.participantId),
    ).toEqual([shared]);
    const detail = await json(
      await report(server, `/api/v1/reports/courses/basics/participants/${shared}`, { key: KEY_A }),
    );
    expect(JSON.stringify(detail)).not.toContain('"only"');
    expect((detail.devices as { events: number }[])[0]?.events).toBe(5);
  });

  it('signs in with a key into an HttpOnly, SameSite=Strict cookie scoped to that provider', async () => {
    const response = await signIn(server, KEY_B);
    expect(response.status).toBe(201);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\//);
    expect(await response.json()).toMatchObject({ provider: { id: 'prov-b' } });
    const cookie = cookieOf(response);
    expect(
      (await report(server, '/api/v1/reports/courses/other/overview', { cookie })).status,
    ).toBe(200);
    expect(
      (await report(server, '/api/v1/reports/courses/basics/overview', { cookie })).status,
    ).toBe(404);
    const me = await server.app.request('/api/v1/console/session', { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      provider: { id: 'prov-b' },
      courses: [{ id: 'other' }],
    });

    const out = await server.app.request('/api/v1/console/session', {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(out.status).toBe(204);
    expect(
      (await report(server, '/api/v1/reports/courses/other/overview', { cookie })).status,
    ).toBe(401);
    expect(
      (await server.app.request('/api/v1/console/session', { headers: { cookie } })).status,
    ).toBe(401);
  });

  it('refuses a forged cookie and an expired session', async () => {
    expect(
      (
        await report(server, '/api/v1/reports/courses/basics/overview', {
          cookie: 'runtut_console=forged',
        })
      ).status,
    ).toBe(401);
    const cookie = cookieOf(await signIn(server, KEY_A, '198.51.100.1'));
    server.clock.advance(8 * 3600 + 1);
    expect(
      (await report(server, '/api/v1/reports/courses/basics/overview', { cookie })).status,
    ).toBe(401);
  });

  it('limits wrong keys per address with 429 and Retry-After, for the header and the sign-in', async () => {
    const address = '192.0.2.50';
    for (let i = 0; i < MAX_WRONG_KEYS - 1; i += 1)
      expect(
        (await report(server, '/api/v1/reports/courses', { key: `guess-${i}`, address })).status,
      ).toBe(401);
    expect((await signIn(server, 'one-more-guess', address)).status).toBe(401);
    const limited = await signIn(server, KEY_A, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'too-many-attempts' } });
    expect((await report(server, '/api/v1/reports/courses', { key: KEY_A, address })).status).toBe(
      429,
    );
    // Another address is not affected; the limit lifts after the window.
    expect(
      (await report(server, '/api/v1/reports/courses', { key: KEY_A, address: '192.0.2.51' }))
        .status,
    ).toBe(200);
    server.clock.advance(61);
    expect((await report(server, '/api/v1/reports/courses', { key: KEY_A, address })).status).toBe(
      200,
    );
  });
});
