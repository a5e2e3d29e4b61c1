import type { LessonEvent } from '../../src/domain/lesson-events.ts';
import type {
  LessonProgressRecord,
  RuntutDb,
  StoredLessonEvent,
} from '../../src/storage/runtut-db.ts';

/** The bench course (tests/sync/fixtures/courses/sync-fixture): five lessons of six hours. */
export const BENCH_COURSE_ID = 'sync-fixture';
const LESSONS = ['bagian-1', 'bagian-2', 'bagian-3', 'bagian-4', 'bagian-5'];
const LESSON_SECONDS = 21_600;
const STEP_SECONDS = 10;

/**
 * Writes what days of offline viewing leave behind: `count` pending events, one per 10 s of
 * play through the course in order (started, progress…, completed, next lesson), and the
 * progress rows they report. Written in bulk (this is setup, not what is measured), in the
 * same shapes createProgressRepository.save writes.
 */
export async function seedOfflineViewing(
  db: RuntutDb,
  participantId: string,
  count: number,
): Promise<void> {
  const deviceId = crypto.randomUUID();
  const deviceStart = Date.parse('2019-03-01T08:00:00+09:00'); // a phone with a wrong clock
  const events: StoredLessonEvent[] = [];
  const progress = new Map<string, LessonProgressRecord>();
  let lesson = 0;
  let played = 0;
  let started = false;
  for (let seq = 0; seq < count; seq += 1) {
    const lessonId = LESSONS[lesson];
    if (!lessonId) throw new Error('the bench course is too short for this many events');
    const before = played;
    if (started) played = Math.min(LESSON_SECONDS, played + STEP_SECONDS);
    const done = played >= LESSON_SECONDS;
    const deviceTime = new Date(deviceStart + seq * STEP_SECONDS * 1000).toISOString();
    const event: LessonEvent = {
      id: crypto.randomUUID(),
      deviceId,
      seq,
      deviceTime,
      courseId: BENCH_COURSE_ID,
      lessonId,
      type: !started ? 'started' : done ? 'completed' : 'progress',
      position: played,
      segments: played > 0 ? [[0, played]] : [],
      playedSinceLast: played - before,
      elapsedMsSinceLast: (played - before) * 1000,
    };
    events.push({ participantId, delivery: 'pending', event });
    progress.set(lessonId, {
      participantId,
      courseId: BENCH_COURSE_ID,
      lessonId,
      segments: played > 0 ? [[0, played]] : [],
      frontier: played,
      position: played,
      completedAt: done ? deviceTime : null,
      updatedAt: deviceTime,
    });
    started = true;
    if (done) {
      lesson += 1;
      played = 0;
      started = false;
    }
  }
  await db.transaction('rw', db.progress, db.events, db.meta, async () => {
    await db.meta.put({ key: 'deviceId', value: deviceId });
    await db.meta.put({ key: 'seq', value: count });
    await db.progress.bulkPut([...progress.values()]);
    await db.events.bulkAdd(events);
  });
}
