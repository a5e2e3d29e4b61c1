import { tableCsv } from './table-csv.ts';

export { csvField } from './table-csv.ts';
import type { CourseManifest } from '../../domain/course-manifest.ts';
import { titleOf } from './titles.ts';

export interface CompletionRow {
  participantId: string;
  lessonId: string;
  lessonTitle: string;
  /** ISO 8601, UTC, from the server's clock. */
  completedAt: string;
  /** The same instant in Eastern Indonesia Time (UTC+9), e.g. "2026-11-22 21:05:03 WIT". */
  completedAtWit: string;
  coverage: number;
  watchedSeconds: number;
  flags: string[];
}

export interface StoredCompletion {
  participant_id: string;
  lesson_id: string;
  completed_at: Date;
  coverage: number;
  watched_seconds: number;
  flags: string[];
}

const WIT_OFFSET_MS = 9 * 3600 * 1000;

export function formatWit(instant: Date): string {
  const shifted = new Date(instant.getTime() + WIT_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} WIT`;
}

/** Report rows in participant order, then course lesson order. */
export function completionRows(
  course: CourseManifest,
  stored: readonly StoredCompletion[],
): CompletionRow[] {
  const order = new Map(course.lessons.map((lesson, index) => [lesson.id, index]));
  return stored
    .filter((row) => order.has(row.lesson_id))
    .sort((a, b) =>
      a.participant_id === b.participant_id
        ? (order.get(a.lesson_id) ?? 0) - (order.get(b.lesson_id) ?? 0)
        : a.participant_id < b.participant_id
          ? -1
          : 1,
    )
    .map((row) => {
      const completedAt = new Date(row.completed_at);
      const lesson = course.lessons[order.get(row.lesson_id) ?? 0];
      return {
        participantId: row.participant_id,
        lessonId: row.lesson_id,
        lessonTitle: lesson ? titleOf(lesson.title) : row.lesson_id,
        completedAt: completedAt.toISOString(),
        completedAtWit: formatWit(completedAt),
        coverage: Math.round(row.coverage * 10_000) / 10_000,
        watchedSeconds: Math.round(row.watched_seconds * 1000) / 1000,
        flags: [...row.flags].sort(),
      };
    });
}

const CSV_COLUMNS = [
  'participantId',
  'lessonId',
  'lessonTitle',
  'completedAt',
  'completedAtWit',
  'coverage',
  'watchedSeconds',
  'flags',
] as const;

export function toCsv(rows: readonly CompletionRow[]): string {
  return tableCsv(CSV_COLUMNS, rows);
}
