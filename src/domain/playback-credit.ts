import { addSegment, type PlayedSegments, type Segment } from './played-segments.ts';
import { MAX_CREDITED_RATE } from './rate-policy.ts';

/**
 * One observation of the media element, taken on every `timeupdate` (about every 250 ms) and on
 * pause/seek. Time is passed in: `wallMs` comes from a monotonic clock (performance.now()).
 */
export interface PlaybackSample {
  position: number;
  wallMs: number;
  playing: boolean;
  rate: number;
  pageVisible: boolean;
}

/** Slack (seconds) for timer jitter between two samples; anything beyond is a jump, not play. */
export const CREDIT_JITTER_TOLERANCE = 0.35;

/**
 * Decides which media interval, if any, was really played between two consecutive samples.
 * Credit is given only when the media moved forward by no more than the wall-clock time that
 * passed (at most 1x), while playing at an allowed rate on a visible page. A seek, a jump or a
 * faster-than-1x advance earns nothing.
 */
export function creditedInterval(
  previous: PlaybackSample | undefined,
  current: PlaybackSample,
  options: { requireVisible: boolean },
): Segment | undefined {
  if (!previous || !previous.playing || !current.playing) return undefined;
  if (options.requireVisible && (!previous.pageVisible || !current.pageVisible)) return undefined;
  if (previous.rate > MAX_CREDITED_RATE || current.rate > MAX_CREDITED_RATE) return undefined;
  const advanced = current.position - previous.position;
  if (advanced <= 0) return undefined;
  const elapsed = Math.max(0, (current.wallMs - previous.wallMs) / 1000);
  if (advanced > elapsed * MAX_CREDITED_RATE + CREDIT_JITTER_TOLERANCE) return undefined;
  return [previous.position, current.position];
}

export function creditSample(
  segments: PlayedSegments,
  previous: PlaybackSample | undefined,
  current: PlaybackSample,
  options: { requireVisible: boolean },
): PlayedSegments {
  const interval = creditedInterval(previous, current, options);
  return interval ? addSegment(segments, interval) : segments;
}
