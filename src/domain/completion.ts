import { coveredSeconds, type PlayedSegments } from './played-segments.ts';

/** Default end tolerance: the last second (at most 2% of the lesson) need not be played. */
export const DEFAULT_END_TOLERANCE_SECONDS = 1;

export interface CompletionRule {
  durationSeconds: number;
  /** Share of the lesson that must be played, 0..1. Absent: the whole lesson less the end tolerance. */
  completionThreshold?: number | undefined;
}

/** Seconds of really played media a lesson needs before it counts as completed. */
export function requiredSeconds(rule: CompletionRule): number {
  const { durationSeconds, completionThreshold } = rule;
  if (completionThreshold !== undefined) return durationSeconds * completionThreshold;
  const tolerance = Math.min(DEFAULT_END_TOLERANCE_SECONDS, durationSeconds * 0.02);
  return Math.max(0, durationSeconds - tolerance);
}

/** A lesson completes only from coverage; the media's `ended` event alone never completes it. */
export function isLessonComplete(segments: PlayedSegments, rule: CompletionRule): boolean {
  const needed = requiredSeconds(rule);
  return needed > 0 && coveredSeconds(segments, rule.durationSeconds) + 1e-6 >= needed;
}
