import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LessonEvent } from '../../../src/domain/lesson-events.ts';
import { readMigrations } from '../../../src/server/db/migrate.ts';
import type { CourseOverview } from '../../../src/server/reports/course-overview.ts';
import type { ParticipantRow } from '../../../src/server/reports/participant-page.ts';
import { TestDevice } from '../support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';
import {
  newSession,
  postEvents,
  REPORT_KEY,
  createTestServer,
  type TestServer,
} from '../support/test-server.ts';
import { recomputeFromEvents } from './recompute-from-events.ts';
import { report } from './report-support.ts';

/** One stretch of playing: honest (speed 1) or claimed faster than time allows. */
const playArbitrary = fc.record({
  lesson: fc.constantFrom('one', 'two', 'three'),
  from: fc.integer({ min: 0, max: 25 }),
  length: fc.integer({ min: 1, max: 30 }),
  speed: fc.constantFrom(1, 1, 1, 2, 4),
  device: fc.integer({ min: 0, max: 1 }),
  claimEnd: fc.boolean(),
  serverGapSeconds: fc.integer({ min: 0, max: 120 }),
});
const historyArbitrary = fc.array(fc.array(playArbitrary, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 3,
});

function playEvents(
  device: TestDevice,
  play: typeof playArbitrary extends fc.Arbitrary<infer T> ? T : never,
): LessonEvent[] {
  const duration = play.lesson === 'three' ? 30 : 20;
  const from = Math.min(play.from, duration - 1);
  const to = Math.min(duration, from + play.length);
  const events = [device.event({ lessonId: play.lesson, type: 'started', position: from })];
  for (let at = from; at < to; at += 5) {
    const end = Math.min(at + 5, to);
    const elapsedMs = ((end - at) * 1000) / play.speed;
    device.clockMs += elapsedMs;
    events.push(
      device.event({
        lessonId: play.lesson,
        type: end === to && play.claimEnd ? 'completed' : 'progress',
        position: end,
        segments: [[from, end]],
        playedSinceLast: end - at,
        elapsedMsSinceLast: elapsedMs,
      }),
    );
  }
  return events;
}

describe.each(databaseKinds)('console summaries kept at ingest (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await createTestServer(database.db);
  });
  afterAll(() => database.dispose());

  const course = () => server.config.courses.get('basics')!;
  const overview = async () =>
    (await (
      await report(server, '/api/v1/reports/courses/basics/overview', { key: REPORT_KEY })
    ).json()) as CourseOverview & { generatedAt: string };
  const allParticipants = async () =>
    (
      (await (
        await report(server, '/api/v1/reports/courses/basics/participants?limit=1000', {
          key: REPORT_KEY,
        })
      ).json()) as { participants: ParticipantRow[] }
    ).participants;

  async function expectSummariesMatchEvents() {
    const expected = await recomputeFromEvents(database.db, course());
    const actual = await overview();
    expect(actual.participantsStarted).toBe(expected.participantsStarted);
    expect(actual.participantsFinished).toBe(expected.participantsFinished);
    if (expected.medianFinishSeconds === null) expect(actual.medianFinishSeconds).toBeNull();
    else expect(actual.medianFinishSeconds).toBeCloseTo(expected.medianFinishSeconds, 3);
    expect(
      actual.lessons.map(({ lessonId, started, completed, reached }) => ({
        lessonId,
        started,
        completed,
        reached,
      })),
    ).toEqual(expected.lessons);
    for (const { flag, events } of actual.flags)
      expect([flag, events]).toEqual([flag, expected.flags.get(flag) ?? 0]);
    const rows = await allParticipants();
    expect(rows).toHaveLength(expected.participants.size);
    for (const row of rows) {
      const want = expected.participants.get(row.participantId);
      expect(row.lessonsCompleted).toBe(want?.lessonsCompleted);
      expect(row.flaggedEvents).toBe(want?.flaggedEvents);
      expect(row.watchedSeconds).toBeCloseTo(want?.watchedSeconds ?? -1, 2);
    }
  }

  it('agree with a recomputation from the stored events, for random histories', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (history) => {
        for (const plays of history) {
          const session = await newSession(server);
          const devices = [new TestDevice(), new TestDevice()];
          for (const play of plays) {
            server.clock.advance(play.serverGapSeconds);
            const device = devices[play.device]!;
            device.clockMs = Math.max(device.clockMs, server.clock.ms - 300_000);
            const response = await postEvents(server, session.token, playEvents(device, play));
            expect(response.status).toBe(200);
          }
        }
        await expectSummariesMatchEvents();
      }),
      { numRuns: kind === 'pglite' ? 12 : 8, seed: 1111 },
    );
  });

  it('are rebuilt by the migration’s backfill from lesson_progress and events', async () => {
    // Someone finishes the course, so the backfill's lesson count matches the manifest's.
    const session = await newSession(server);
    server.clock.advance(200);
    const phone = new TestDevice('finisher-phone', server.clock.ms - 100_000);
    for (const lesson of ['one', 'two', 'three'])
      await postEvents(server, session.token, phone.play(lesson, lesson === 'three' ? 30 : 20));
    const before = await overview();
    const migration = (await readMigrations()).find((item) => item.version === 5);
    await database.db.exec(
      'DROP TABLE console_counters; DROP TABLE participant_summaries; DROP TABLE console_sessions;',
    );
    await database.db.exec(migration?.sql ?? 'missing migration 005');
    const after = await overview();
    expect(after).toEqual({ ...before, generatedAt: after.generatedAt });
    await expectSummariesMatchEvents();
  });
});
