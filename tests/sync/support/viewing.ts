import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCourseManifest, type CourseManifest } from '../../../src/domain/course-manifest.ts';
import { createProgressRepository } from '../../../src/storage/progress-repository.ts';
import type { RuntutDb } from '../../../src/storage/runtut-db.ts';

export const FIXTURE_COURSES_DIR = fileURLToPath(new URL('../fixtures/courses', import.meta.url));
export const FIXTURE_COURSE_ID = 'sync-fixture';

export function fixtureCourse(): CourseManifest {
  const parsed = parseCourseManifest(
    JSON.parse(readFileSync(`${FIXTURE_COURSES_DIR}/${FIXTURE_COURSE_ID}/course.json`, 'utf8')),
  );
  if (!parsed.ok) throw new Error('fixture course is invalid');
  return parsed.manifest;
}

export interface ViewingPlan {
  participantId: string;
  /** Number of events to write. */
  events: number;
  /** Seconds of real play between two events (the player reports every 10 s). */
  stepSeconds?: number;
  /** Device clock at the first event; wrong on purpose by default (a phone stuck in 2019). */
  deviceStart?: Date;
  /** Continue a viewing: simulate this many earlier events without writing them again. */
  skipEvents?: number;
}

export interface ViewingResult {
  /** Event ids written, oldest first. */
  eventIds: string[];
  /** Seconds covered per lesson at the end, the coverage the server should report. */
  watched: Map<string, number>;
  completed: Set<string>;
}

/**
 * Writes what a participant watching the fixture course in order would write, through the real
 * progress repository: a `started` event, a `progress` event every `stepSeconds` of play, a
 * `completed` event when a lesson is played to the end, then the next lesson.
 */
/**
 * Every event row written per database name, as written: acknowledged rows are pruned from
 * IndexedDB, so reading them back later would miss what another tab already delivered.
 */
const written = new Map<string, { localId: number; id: string; participantId: string }[]>();
const watchedDbs = new WeakSet<RuntutDb>();

function recordWrites(db: RuntutDb) {
  const log = written.get(db.name) ?? [];
  written.set(db.name, log);
  if (watchedDbs.has(db)) return log;
  watchedDbs.add(db);
  db.events.hook('creating', function (_key, row) {
    this.onsuccess = (localId) => {
      log.push({ localId: localId ?? 0, id: row.event.id, participantId: row.participantId });
    };
  });
  return log;
}

export async function recordViewing(db: RuntutDb, plan: ViewingPlan): Promise<ViewingResult> {
  const log = recordWrites(db);
  const course = fixtureCourse();
  const repository = createProgressRepository(db);
  const step = plan.stepSeconds ?? 10;
  const deviceStart = plan.deviceStart ?? new Date('2019-03-01T08:00:00+09:00');
  const watched = new Map<string, number>();
  const completed = new Set<string>();
  let lessonIndex = 0;
  let played = 0;
  const skip = plan.skipEvents ?? 0;
  const lastLocalIdBefore = (await db.events.orderBy('localId').last())?.localId ?? 0;
  for (let written = 0; written < skip + plan.events; written += 1) {
    const lesson = course.lessons[lessonIndex];
    if (!lesson) throw new Error('the fixture course is too short for this many events');
    const starting = played === 0 && !watched.has(lesson.id);
    const before = played;
    if (!starting) played = Math.min(lesson.durationSeconds, played + step);
    const done = played >= lesson.durationSeconds;
    const deviceTime = new Date(deviceStart.getTime() + written * step * 1000).toISOString();
    watched.set(lesson.id, played);
    if (written >= skip) {
      await repository.save(
        {
          participantId: plan.participantId,
          courseId: course.id,
          lessonId: lesson.id,
          segments: played > 0 ? [[0, played]] : [],
          frontier: played,
          position: played,
          completedAt: done ? deviceTime : null,
          updatedAt: deviceTime,
        },
        {
          type: starting ? 'started' : done ? 'completed' : 'progress',
          playedSinceLast: played - before,
          elapsedMsSinceLast: starting ? 0 : (played - before) * 1000,
          deviceTime,
        },
      );
    }
    if (done) {
      completed.add(lesson.id);
      lessonIndex += 1;
      played = 0;
    }
  }
  // Everything the participant has written so far, plus what this call wrote even if a sync
  // loop in another "tab" already moved those rows to an adopted participant meanwhile.
  const byParticipant = await db.events.where('participantId').equals(plan.participantId).toArray();
  const writtenNow = await db.events.where('localId').above(lastLocalIdBefore).toArray();
  const rows = new Map(
    [...byParticipant, ...writtenNow].map((row) => [row.localId ?? 0, row.event.id]),
  );
  for (const entry of log)
    if (entry.participantId === plan.participantId || entry.localId > lastLocalIdBefore)
      rows.set(entry.localId, entry.id);
  const eventIds = [...rows.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
  return { eventIds, watched, completed };
}
