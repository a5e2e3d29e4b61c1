import { furthestWatched, mergeSegments } from '../domain/played-segments.ts';
import type { LessonProgressRecord } from './runtut-db.ts';

/** The earlier of two ISO times, ignoring nulls. */
export function earliestTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/**
 * Merges two records of the same lesson so that nothing either played is lost: segments are the
 * union, the frontier the furthest, the completion the earliest. `kept` wins for position and
 * identity fields (it is the copy on this device).
 */
export function mergeProgressRecords(
  kept: LessonProgressRecord,
  other: LessonProgressRecord,
): LessonProgressRecord {
  const segments = mergeSegments([...kept.segments, ...other.segments]);
  return {
    ...kept,
    segments,
    frontier: Math.max(kept.frontier, other.frontier, furthestWatched(segments)),
    completedAt: earliestTime(kept.completedAt, other.completedAt),
    updatedAt: kept.updatedAt >= other.updatedAt ? kept.updatedAt : other.updatedAt,
  };
}
