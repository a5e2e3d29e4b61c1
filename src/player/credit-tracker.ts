import { creditSample, type PlaybackSample } from '../domain/playback-credit.ts';
import {
  furthestWatched,
  mergeSegments,
  type PlayedSegments,
  type Segment,
} from '../domain/played-segments.ts';

/** What the element shows right now, read through the native accessors. */
export interface MediaReading {
  position: number;
  playing: boolean;
  rate: number;
  /**
   * False while the reading cannot be trusted as play: seeking, a foreign source, the element
   * outside the player, a rate outside the allowed set. Such a reading breaks the chain.
   */
  trustworthy: boolean;
}

export interface CreditTrackerOptions {
  initialSegments: PlayedSegments;
  requireVisible: boolean;
  read(): MediaReading;
  now(): number;
  pageVisible(): boolean;
}

/**
 * Turns consecutive samples of the element into played segments with the domain's
 * `creditSample`. Anything that could be a jump (seek, source swap, rate violation, visibility
 * change, stall) calls `reset()`, so the next sample starts a new chain and nothing is bridged.
 */
export function createCreditTracker(options: CreditTrackerOptions) {
  const initialFrontier = furthestWatched(options.initialSegments);
  let segments: PlayedSegments = mergeSegments(options.initialSegments);
  let previous: PlaybackSample | undefined;

  return {
    /**
     * Takes a sample and credits the interval since the previous one if it was really played.
     * A sample that finds the element just stopped (`pause`/`ended`, or the `timeupdate` that
     * Chromium fires at the end before `pause`) credits the stretch up to here as played, then
     * closes the chain. The domain's elapsed-time check still refuses any jump in that stretch.
     * Returns whether the credited segments changed.
     */
    sample(endOfRun = false): boolean {
      const reading = options.read();
      if (!reading.trustworthy) {
        previous = undefined;
        return false;
      }
      const current: PlaybackSample = {
        position: reading.position,
        wallMs: options.now(),
        playing: reading.playing || previous?.playing === true,
        rate: reading.rate,
        pageVisible: options.pageVisible(),
      };
      const next = creditSample(segments, previous, current, {
        requireVisible: options.requireVisible,
      });
      previous = endOfRun || !reading.playing ? { ...current, playing: false } : current;
      if (next === segments) return false;
      const changed = !sameSegments(next, segments);
      segments = next;
      return changed;
    },

    reset(): void {
      previous = undefined;
    },

    /** Seek limit: never below what was watched before this session. */
    frontier(): number {
      return Math.max(initialFrontier, furthestWatched(segments));
    },

    segments(): Segment[] {
      return segments.map(([start, end]): Segment => [start, end]);
    },
  };
}

export type CreditTracker = ReturnType<typeof createCreditTracker>;

function sameSegments(a: PlayedSegments, b: PlayedSegments): boolean {
  return (
    a.length === b.length &&
    a.every((segment, index) => segment[0] === b[index]?.[0] && segment[1] === b[index]?.[1])
  );
}
