/**
 * Played segments: the set of media intervals (seconds) a participant has really played,
 * kept merged and sorted, in the xAPI video profile's sense ("played-segments").
 */
export type Segment = readonly [start: number, end: number];
export type PlayedSegments = readonly Segment[];

/** Gaps up to this size (seconds) between two played intervals are treated as one run. */
export const SEGMENT_JOIN_TOLERANCE = 0.3;

/** Sorts, drops empty or invalid intervals and merges overlapping or touching ones. */
export function mergeSegments(segments: PlayedSegments): Segment[] {
  const valid = segments
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .map(([start, end]): Segment => [Math.max(0, start), end])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of valid) {
    const last = merged.at(-1);
    if (last && start <= last[1] + SEGMENT_JOIN_TOLERANCE) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

export function addSegment(segments: PlayedSegments, segment: Segment): Segment[] {
  return mergeSegments([...segments, segment]);
}

/** Seconds of media covered, counting only what lies inside [0, duration]. */
export function coveredSeconds(segments: PlayedSegments, duration: number): number {
  return mergeSegments(segments).reduce((sum, [start, end]) => {
    const clipped = Math.min(end, duration) - Math.max(start, 0);
    return sum + Math.max(0, clipped);
  }, 0);
}

/** Share of the lesson covered, 0..1. */
export function coverageOf(segments: PlayedSegments, duration: number): number {
  if (duration <= 0) return 0;
  return Math.min(1, coveredSeconds(segments, duration) / duration);
}

/**
 * The furthest point actually watched: the end of the run that starts at the beginning of the
 * lesson. A participant can only reach later media by playing through, so anything beyond a gap
 * was not reached by playing and does not move the frontier.
 */
export function furthestWatched(segments: PlayedSegments): number {
  const first = mergeSegments(segments)[0];
  if (!first || first[0] > SEGMENT_JOIN_TOLERANCE) return 0;
  return first[1];
}

/** Formats segments as the xAPI video profile's "0[.]12.5[,]20[.]30" string. */
export function formatPlayedSegments(segments: PlayedSegments): string {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return mergeSegments(segments)
    .map(([start, end]) => `${round(start)}[.]${round(end)}`)
    .join('[,]');
}
