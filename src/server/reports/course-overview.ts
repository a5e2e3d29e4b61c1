import type { CourseManifest } from '../../domain/course-manifest.ts';
import { DROP_OFF_SLICES } from '../../domain/drop-off.ts';
import { medianOfMiddle, medianPositions } from '../../domain/median.ts';
import { CREDIT_FLAGS } from '../../domain/pace-check.ts';
import type { Queryable } from '../db/database.ts';
import type { CourseOverview } from '../../domain/report-contract.ts';
import { titleOf } from './titles.ts';

export type { CourseOverview, LessonAggregate } from '../../domain/report-contract.ts';

/**
 * The course overview from the counters kept at ingest: one grouped read of a few hundred rows
 * and an index read of the one or two median rows, whatever the number of participants.
 */
export async function courseOverview(
  db: Queryable,
  course: CourseManifest,
): Promise<CourseOverview> {
  const { rows } = await db.query<{ lesson_id: string; metric: string; value: number }>(
    `SELECT lesson_id, metric, sum(value)::float8 AS value FROM console_counters
     WHERE course_id = $1 GROUP BY lesson_id, metric`,
    [course.id],
  );
  const value = (lessonId: string, metric: string) =>
    rows.find((row) => row.lesson_id === lessonId && row.metric === metric)?.value ?? 0;
  const finished = value('', 'finished');
  const positions = medianPositions(finished);
  const middle =
    positions.length === 0
      ? []
      : (
          await db.query<{ finish_seconds: number }>(
            `SELECT finish_seconds FROM participant_summaries
             WHERE course_id = $1 AND finish_seconds IS NOT NULL
             ORDER BY finish_seconds OFFSET $2 LIMIT $3`,
            [course.id, positions[0], positions.length],
          )
        ).rows.map((row) => row.finish_seconds);
  const knownFlags = new Set<string>(CREDIT_FLAGS);
  const storedFlags = rows
    .filter((row) => row.lesson_id === '' && row.metric.startsWith('flag:'))
    .map((row) => row.metric.slice(5));
  return {
    courseId: course.id,
    participantsStarted: value('', 'participants'),
    participantsFinished: finished,
    medianFinishSeconds: medianOfMiddle(middle),
    lessons: course.lessons.map((lesson, index) => ({
      lessonId: lesson.id,
      lessonTitle: titleOf(lesson.title),
      position: index + 1,
      durationSeconds: lesson.durationSeconds,
      started: value(lesson.id, 'started'),
      completed: value(lesson.id, 'completed'),
      reached: Array.from({ length: DROP_OFF_SLICES }, (_, slice) =>
        value(lesson.id, `reach:${slice}`),
      ),
    })),
    flags: [...CREDIT_FLAGS, ...storedFlags.filter((flag) => !knownFlags.has(flag))].map(
      (flag) => ({ flag, events: value('', `flag:${flag}`) }),
    ),
  };
}

/** Column names of the per-lesson table's CSV: slice_00_05 … slice_95_100 are the drop-off. */
export const sliceColumn = (slice: number) =>
  `slice_${String(slice * 5).padStart(2, '0')}_${String((slice + 1) * 5).padStart(2, '0')}`;

export const LESSON_COLUMNS = [
  'position',
  'lessonId',
  'lessonTitle',
  'durationSeconds',
  'started',
  'completed',
  ...Array.from({ length: DROP_OFF_SLICES }, (_, slice) => sliceColumn(slice)),
];

export function lessonTableRows(overview: CourseOverview): Record<string, string | number>[] {
  return overview.lessons.map(({ reached, ...lesson }) => ({
    ...lesson,
    ...Object.fromEntries(reached.map((count, slice) => [sliceColumn(slice), count])),
  }));
}
