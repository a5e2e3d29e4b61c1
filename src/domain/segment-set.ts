import { mergeSegments, type PlayedSegments, type Segment } from './played-segments.ts';

/** Pieces shorter than this (seconds) are floating-point dust, not media. */
const DUST = 1e-6;

export function totalSeconds(segments: PlayedSegments): number {
  return mergeSegments(segments).reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** The parts of `segments` that lie inside [0, duration], merged. */
export function clipSegments(segments: PlayedSegments, duration: number): Segment[] {
  return mergeSegments(segments)
    .map(([start, end]): Segment => [Math.max(0, start), Math.min(end, duration)])
    .filter(([start, end]) => end - start > DUST);
}

/** The parts of `from` that `covered` does not cover. */
export function subtractSegments(from: PlayedSegments, covered: PlayedSegments): Segment[] {
  const holes = mergeSegments(covered);
  const out: Segment[] = [];
  for (const [start, end] of mergeSegments(from)) {
    let cursor = start;
    for (const [holeStart, holeEnd] of holes) {
      if (holeEnd <= cursor || holeStart >= end) continue;
      if (holeStart > cursor) out.push([cursor, holeStart]);
      cursor = Math.max(cursor, holeEnd);
      if (cursor >= end) break;
    }
    if (end > cursor) out.push([cursor, end]);
  }
  return out.filter(([start, end]) => end - start > DUST);
}

/**
 * At most `seconds` of `segments`, taken from the latest media time backwards: when only part of
 * a claim can be credited, credit what was most recently played and leave the rest unproven.
 */
export function takeLatest(segments: PlayedSegments, seconds: number): Segment[] {
  let left = Math.max(0, seconds);
  const out: Segment[] = [];
  for (const [start, end] of [...mergeSegments(segments)].reverse()) {
    if (left <= DUST) break;
    const length = Math.min(end - start, left);
    out.unshift([end - length, end]);
    left -= length;
  }
  return out;
}
