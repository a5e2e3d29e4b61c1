import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestDevice } from './support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  createTestServer,
  getProgress,
  newSession,
  postEvents,
  type TestServer,
} from './support/test-server.ts';

interface Reply {
  results: { status: string; flags?: string[] }[];
  lessons: { courseId: string; lessonId: string; completedAt: string | null; coverage: number }[];
}
interface Progress {
  courseId: string;
  lessons: {
    lessonId: string;
    completedAt: string | null;
    watchedSeconds: number;
    coverage: number;
    position: number;
    segments: [number, number][];
    flags: string[];
  }[];
}

describe.each(databaseKinds)('the server decides completion (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await createTestServer(database.db);
  });
  afterAll(() => database.dispose());

  const send = async (token: string, events: unknown[]) => {
    const response = await postEvents(server, token, events);
    expect(response.status).toBe(200);
    return (await response.json()) as Reply;
  };
  const progress = async (token: string) => {
    const response = await getProgress(server, token, 'basics');
    expect(response.status).toBe(200);
    return (await response.json()) as Progress;
  };
  const lesson = (state: Progress, id: string) =>
    state.lessons.find((item) => item.lessonId === id)!;

  it('completes a lesson watched at 1x, stamped with the server clock', async () => {
    const { token } = await newSession(server);
    server.clock.advance(120);
    const reply = await send(token, new TestDevice().play('one', 20));
    const completedAt = new Date(server.clock.ms).toISOString();
    expect(reply.results.every((result) => result.status === 'accepted' && !result.flags)).toBe(
      true,
    );
    expect(reply.lessons).toEqual([
      { courseId: 'basics', lessonId: 'one', completedAt, coverage: 1 },
    ]);
    expect(lesson(await progress(token), 'one')).toEqual({
      lessonId: 'one',
      completedAt,
      watchedSeconds: 20,
      coverage: 1,
      position: 20,
      segments: [[0, 20]],
      flags: [],
    });
  });

  it('stores a forged completed claim with its flag and does not complete the lesson', async () => {
    const { token } = await newSession(server);
    server.clock.advance(120);
    const device = new TestDevice();
    const events = [...device.play('one', 5, { claimEnd: false })];
    events.push(
      device.event({ lessonId: 'one', type: 'completed', position: 20, segments: [[0, 5]] }),
    );
    const reply = await send(token, events);
    expect(reply.results.at(-1)).toEqual({
      status: 'accepted',
      flags: ['completion:unconfirmed'],
      id: events.at(-1)?.id,
    });
    const one = lesson(await progress(token), 'one');
    expect(one.completedAt).toBeNull();
    expect(one.flags).toContain('completion:unconfirmed');
  });

  it('credits no more media than the elapsed time allows when coverage jumps ahead', async () => {
    const { token } = await newSession(server);
    server.clock.advance(120);
    const device = new TestDevice();
    const jump = device.event({
      lessonId: 'one',
      type: 'completed',
      position: 20,
      segments: [[0, 20]],
      playedSinceLast: 20,
      elapsedMsSinceLast: 3_000,
    });
    const reply = await send(token, [device.event({ lessonId: 'one', type: 'started' }), jump]);
    expect(reply.results[1]?.flags).toEqual(['pace:too-fast', 'completion:unconfirmed']);
    const one = lesson(await progress(token), 'one');
    expect(one.completedAt).toBeNull();
    expect(one.watchedSeconds).toBeCloseTo(3 * 1.05 + 2, 6);
  });

  it('never credits more play than the server clock has seen since the participant appeared', async () => {
    const { token } = await newSession(server);
    server.clock.advance(5);
    const device = new TestDevice();
    const reply = await send(token, device.play('one', 20));
    expect(reply.results.some((result) => result.flags?.includes('pace:exceeds-wall-clock'))).toBe(
      true,
    );
    const one = lesson(await progress(token), 'one');
    expect(one.completedAt).toBeNull();
    expect(one.watchedSeconds).toBeLessThanOrEqual(5 * 1.05 + 2 + 1e-6);
  });

  it('holds a lesson watched out of order until the earlier lesson completes, then completes both', async () => {
    const { token } = await newSession(server);
    server.clock.advance(3600);
    const device = new TestDevice();
    const early = await send(token, device.play('two', 20));
    expect(early.lessons).toEqual([
      { courseId: 'basics', lessonId: 'two', completedAt: null, coverage: 1 },
    ]);
    expect(lesson(await progress(token), 'two').flags).toContain('order:earlier-incomplete');

    server.clock.advance(60);
    const later = await send(token, device.play('one', 20));
    const now = new Date(server.clock.ms).toISOString();
    expect(later.lessons.map((item) => [item.lessonId, item.completedAt])).toEqual([
      ['one', now],
      ['two', now],
    ]);
  });

  it('credits two devices playing the same minutes only once, and flags the second', async () => {
    const { token } = await newSession(server);
    server.clock.advance(3600);
    const phone = new TestDevice('phone-aaaa');
    const tablet = new TestDevice('tablet-bbb');
    await send(token, phone.play('one', 20));
    const reply = await send(token, tablet.play('two', 20));
    expect(reply.results.some((result) => result.flags?.includes('overlap:other-device'))).toBe(
      true,
    );
    const state = await progress(token);
    expect(lesson(state, 'one').completedAt).not.toBeNull();
    expect(lesson(state, 'two').completedAt).toBeNull();
    expect(lesson(state, 'two').flags).toContain('overlap:other-device');
  });

  it('completes a whole course played offline for days on a phone with a wrong clock, on upload', async () => {
    const { token } = await newSession(server);
    const phone = new TestDevice('offline-phone', Date.parse('2019-03-01T08:00:00Z'));
    const events = [...phone.play('one', 20)];
    phone.clockMs += 86_400_000;
    events.push(...phone.play('two', 20));
    phone.clockMs += 86_400_000;
    events.push(...phone.play('three', 27));
    server.clock.advance(3 * 86_400);
    const reply = await send(token, events);
    expect(reply.results.every((result) => result.status === 'accepted' && !result.flags)).toBe(
      true,
    );
    const state = await progress(token);
    const uploadedAt = new Date(server.clock.ms).toISOString();
    expect(state.lessons.map((item) => item.completedAt)).toEqual([
      uploadedAt,
      uploadedAt,
      uploadedAt,
    ]);
    expect(lesson(state, 'three').coverage).toBeCloseTo(0.9, 6);
  });

  it('lets a new phone restore positions and segments, and does not credit them twice', async () => {
    const { token, participantId } = await newSession(server);
    server.clock.advance(600);
    await send(token, new TestDevice().play('one', 20));
    await send(
      token,
      new TestDevice('old-phone-1', server.clock.ms - 60_000).play('two', 10, { claimEnd: false }),
    );
    const restored = await progress(token);
    expect(restored).toMatchObject({ courseId: 'basics' });
    expect(lesson(restored, 'two')).toMatchObject({
      position: 10,
      segments: [[0, 10]],
      completedAt: null,
    });

    const newPhone = new TestDevice('new-phone-1', server.clock.ms);
    const resume = newPhone.play('two', 20, { from: 10 });
    const reply = await send(token, resume);
    expect(reply.results.every((result) => !result.flags)).toBe(true);
    expect(lesson(await progress(token), 'two').completedAt).not.toBeNull();
    const { rows } = await database.db.query<{ credited_seconds: number }>(
      'SELECT credited_seconds FROM participants WHERE id = $1',
      [participantId],
    );
    expect(rows[0]?.credited_seconds).toBeCloseTo(40, 6);
  });

  describe('GET /api/v1/progress', () => {
    it('lists every lesson in course order with zeros before anything is watched', async () => {
      const { token } = await newSession(server);
      const state = await progress(token);
      expect(
        state.lessons.map((item) => [
          item.lessonId,
          item.completedAt,
          item.coverage,
          item.position,
        ]),
      ).toEqual([
        ['one', null, 0, 0],
        ['two', null, 0, 0],
        ['three', null, 0, 0],
      ]);
    });

    it('answers 400 without a course and 404 for an unknown course', async () => {
      const { token } = await newSession(server);
      const headers = { authorization: `Bearer ${token}` };
      const missing = await server.app.request('/api/v1/progress', { headers });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ error: { code: 'course-required' } });
      const unknown = await server.app.request('/api/v1/progress?course=nope', { headers });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'course-unknown' } });
    });
  });
});
