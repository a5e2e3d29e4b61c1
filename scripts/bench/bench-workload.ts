import { randomUUID } from 'node:crypto';
import { parseCourseManifest, type CourseManifest } from '../../src/domain/course-manifest.ts';
import type { LessonEvent } from '../../src/domain/lesson-events.ts';

export const BENCH_LESSONS = 20;
export const LESSON_SECONDS = 600;
export const HEARTBEAT_SECONDS = 10;
export const BATCH_SIZE = 500;

export function benchCourse(): CourseManifest {
  const result = parseCourseManifest({
    schemaVersion: 1,
    id: 'bench',
    title: 'Bench',
    lessons: Array.from({ length: BENCH_LESSONS }, (_, i) => ({
      id: `lesson-${i + 1}`,
      title: `Lesson ${i + 1}`,
      durationSeconds: LESSON_SECONDS,
      sources: [{ src: `media/${i + 1}.mp4`, type: 'video/mp4' }],
    })),
  });
  if (!result.ok) throw new Error('bench course manifest is invalid');
  return result.manifest;
}

/**
 * What one participant's phone records while watching the course in order at 1x: a heartbeat
 * every 10 s per lesson, each carrying all merged segments so far (as the player does).
 */
export function participantEvents(count: number, startMs: number): LessonEvent[] {
  const deviceId = `bench-${randomUUID().slice(0, 8)}`;
  const events: LessonEvent[] = [];
  let clock = startMs;
  for (let lesson = 1; events.length < count; lesson = (lesson % BENCH_LESSONS) + 1) {
    for (let at = 0; at <= LESSON_SECONDS && events.length < count; at += HEARTBEAT_SECONDS) {
      events.push({
        id: randomUUID(),
        deviceId,
        seq: events.length,
        deviceTime: new Date(clock).toISOString(),
        courseId: 'bench',
        lessonId: `lesson-${lesson}`,
        type: at === 0 ? 'started' : at === LESSON_SECONDS ? 'completed' : 'progress',
        position: at,
        segments: at === 0 ? [] : [[0, at]],
        playedSinceLast: at === 0 ? 0 : HEARTBEAT_SECONDS,
        elapsedMsSinceLast: at === 0 ? 0 : HEARTBEAT_SECONDS * 1000,
      });
      clock += at === 0 ? 0 : HEARTBEAT_SECONDS * 1000;
    }
  }
  return events;
}

export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
