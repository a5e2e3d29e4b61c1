import { clipSegments } from './segment-set.ts';
import type { PlayedSegments } from './played-segments.ts';

/**
 * Drop-off: where participants stop being credited. A lesson is cut into 20 slices of 5%; a
 * participant reaches slice k when the server credited at least half of it. Credit only grows,
 * so a slice once reached stays reached: the counts can be kept at ingest by adding the slices a
 * batch newly reaches (see src/server/ingest/console-summaries.ts), and the migration can backfill
 * them from lesson_progress with the same rule in SQL.
 */
export const DROP_OFF_SLICES = 20;
/** Share of a slice that must be credited for the slice to count as reached. */
export const SLICE_REACHED_SHARE = 0.5;
const EPSILON = 1e-9;

/** Credited seconds inside slice `index` of a lesson of `duration` seconds. */
function creditedInSlice(segments: PlayedSegments, duration: number, index: number): number {
  const from = (index * duration) / DROP_OFF_SLICES;
  const to = ((index + 1) * duration) / DROP_OFF_SLICES;
  return clipSegments(segments, duration).reduce(
    (sum, [start, end]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)),
    0,
  );
}

/** Which of the 20 slices the credited segments reach. */
export function reachedSlices(segments: PlayedSegments, duration: number): boolean[] {
  const slice = duration / DROP_OFF_SLICES;
  return Array.from(
    { length: DROP_OFF_SLICES },
    (_, index) =>
      duration > 0 &&
      creditedInSlice(segments, duration, index) + EPSILON >= slice * SLICE_REACHED_SHARE,
  );
}

/** Slices reached by `after` and not by `before` (credit that grew in one batch). */
export function newlyReachedSlices(
  before: PlayedSegments,
  after: PlayedSegments,
  duration: number,
): number[] {
  const was = reachedSlices(before, duration);
  return reachedSlices(after, duration).flatMap((reached, index) =>
    reached && !was[index] ? [index] : [],
  );
}

/** Each slice's count as a share (0..1) of the participants who started the lesson. */
export function dropOffShares(counts: readonly number[], started: number): number[] {
  return counts.map((count) => (started > 0 ? Math.min(1, count / started) : 0));
}
