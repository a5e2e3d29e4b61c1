import type { Segment } from './played-segments.ts';
import { coverageOf } from './played-segments.ts';
import { canOpenLesson } from './lesson-order.ts';

/** What a host's `openLesson` may do: the same strict order as the participant's own clicks. */
export type OpenLessonDecision =
  { ok: true } | { ok: false; reason: 'lesson-unknown' | 'lesson-locked' };

export function decideOpenLesson(
  lessonId: string,
  lessonIds: readonly string[],
  completedIds: ReadonlySet<string>,
): OpenLessonDecision {
  if (!lessonIds.includes(lessonId)) return { ok: false, reason: 'lesson-unknown' };
  return canOpenLesson(lessonId, lessonIds, completedIds)
    ? { ok: true }
    : { ok: false, reason: 'lesson-locked' };
}

/** `progress` events go out at most once a second; this says whether one may go now. */
export const PROGRESS_EVENT_INTERVAL_MS = 1000;

export function mayReportProgress(lastSentMs: number | undefined, nowMs: number): boolean {
  return lastSentMs === undefined || nowMs - lastSentMs >= PROGRESS_EVENT_INTERVAL_MS;
}

/** Share of the lesson really watched, 0..1, rounded to 3 decimals for the host. */
export function watchedShare(segments: readonly Segment[], durationSeconds: number): number {
  return Math.round(coverageOf([...segments], durationSeconds) * 1000) / 1000;
}

/**
 * Lessons the server newly confirmed complete: only these become `lessoncompleted` events, and
 * `coursecompleted` follows once every lesson of the course is confirmed.
 */
export function newlyConfirmed(
  confirmedBefore: ReadonlySet<string>,
  confirmedNow: ReadonlySet<string>,
  lessonIds: readonly string[],
): { lessons: string[]; courseCompleted: boolean } {
  const lessons = lessonIds.filter((id) => confirmedNow.has(id) && !confirmedBefore.has(id));
  const allNow = lessonIds.length > 0 && lessonIds.every((id) => confirmedNow.has(id));
  const allBefore = lessonIds.length > 0 && lessonIds.every((id) => confirmedBefore.has(id));
  return { lessons, courseCompleted: allNow && !allBefore };
}
