import { isLessonComplete } from '../../../src/domain/completion.ts';
import type { CourseManifest } from '../../../src/domain/course-manifest.ts';
import { reachedSlices } from '../../../src/domain/drop-off.ts';
import { median } from '../../../src/domain/median.ts';
import {
  coveredSeconds,
  mergeSegments,
  type Segment,
} from '../../../src/domain/played-segments.ts';
import type { Queryable } from '../../../src/server/db/database.ts';

export interface Recomputed {
  participantsStarted: number;
  participantsFinished: number;
  medianFinishSeconds: number | null;
  lessons: { lessonId: string; started: number; completed: number; reached: number[] }[];
  flags: Map<string, number>;
  participants: Map<
    string,
    { lessonsCompleted: number; watchedSeconds: number; flaggedEvents: number }
  >;
}

/**
 * The console's numbers computed the slow way, from every stored event of the course (what the
 * server credited each one), without the summaries kept at ingest. Completion follows the
 * server's rule: a lesson counts once its credit meets the threshold and every earlier one does.
 */
export async function recomputeFromEvents(
  db: Queryable,
  course: CourseManifest,
): Promise<Recomputed> {
  const { rows } = await db.query<{
    participant_id: string;
    lesson_id: string;
    credited_segments: Segment[];
    flags: string[];
    received_at: Date;
  }>(
    `SELECT participant_id, lesson_id, credited_segments, flags, received_at FROM events
     WHERE course_id = $1`,
    [course.id],
  );
  const credit = new Map<string, Map<string, Segment[]>>();
  const firstAt = new Map<string, number>();
  const flags = new Map<string, number>();
  const flagged = new Map<string, number>();
  for (const row of rows) {
    const lessons = credit.get(row.participant_id) ?? new Map<string, Segment[]>();
    credit.set(row.participant_id, lessons);
    lessons.set(row.lesson_id, [...(lessons.get(row.lesson_id) ?? []), ...row.credited_segments]);
    const at = new Date(row.received_at).getTime();
    firstAt.set(row.participant_id, Math.min(at, firstAt.get(row.participant_id) ?? at));
    for (const flag of row.flags) flags.set(flag, (flags.get(flag) ?? 0) + 1);
    if (row.flags.length > 0)
      flagged.set(row.participant_id, (flagged.get(row.participant_id) ?? 0) + 1);
  }
  const last = course.lessons.at(-1);
  const finishedAt = await db.query<{ participant_id: string; completed_at: Date }>(
    `SELECT participant_id, completed_at FROM lesson_progress
     WHERE course_id = $1 AND lesson_id = $2 AND completed_at IS NOT NULL`,
    [course.id, last?.id ?? ''],
  );
  const lessons = course.lessons.map((lesson) => ({
    lessonId: lesson.id,
    started: 0,
    completed: 0,
    reached: Array.from({ length: 20 }, () => 0),
  }));
  const participants: Recomputed['participants'] = new Map();
  let finished = 0;
  for (const [participantId, byLesson] of credit) {
    let chain = true;
    let completed = 0;
    let watched = 0;
    course.lessons.forEach((lesson, index) => {
      const segments = byLesson.get(lesson.id);
      const target = lessons[index]!;
      if (!segments) {
        chain = false;
        return;
      }
      const merged = mergeSegments(segments);
      target.started += 1;
      chain = chain && isLessonComplete(merged, lesson);
      if (chain) {
        target.completed += 1;
        completed += 1;
      }
      watched += coveredSeconds(merged, lesson.durationSeconds);
      reachedSlices(merged, lesson.durationSeconds).forEach((reached, slice) => {
        if (reached) target.reached[slice] = (target.reached[slice] ?? 0) + 1;
      });
    });
    if (completed === course.lessons.length) finished += 1;
    participants.set(participantId, {
      lessonsCompleted: completed,
      watchedSeconds: watched,
      flaggedEvents: flagged.get(participantId) ?? 0,
    });
  }
  return {
    participantsStarted: credit.size,
    participantsFinished: finished,
    medianFinishSeconds: median(
      finishedAt.rows.map(
        (row) =>
          (new Date(row.completed_at).getTime() - (firstAt.get(row.participant_id) ?? 0)) / 1000,
      ),
    ),
    lessons,
    flags,
    participants,
  };
}
