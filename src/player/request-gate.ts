import { clampRate, type AllowedRate } from '../domain/rate-policy.ts';
import { clampSeek, isSeekAllowed, type SeekContext } from '../domain/seek-policy.ts';

export interface BlockedAttempt {
  kind: 'seek' | 'rate';
  requested: number;
  applied: number;
}

/** Which rate a request is for: the element's current rate or its default rate. */
export type RateSlot = 'playback' | 'default';

export interface RequestGateOptions {
  /**
   * The seek context at this instant. The caller samples playback first, so the frontier
   * includes everything really played up to the request.
   */
  seekContext(): SeekContext;
  onBlocked(attempt: BlockedAttempt): void;
  now(): number;
}

/** The same refused rate is reported once a second at most: a speed extension retries every 100 ms. */
const REPEAT_RATE_REPORT_MS = 1000;

/**
 * The one guard-and-clamp chokepoint: every seek and rate request, whatever its path (video.js
 * middleware, the element's own setters, the `seeking`/`ratechange` guards, Media Session,
 * hotkeys), asks here and applies only what comes back. The domain rules decide; this records
 * the last allowed rate and reports refusals.
 */
export function createRequestGate(options: RequestGateOptions) {
  const lastAllowed: Record<RateSlot, AllowedRate> = { playback: 1, default: 1 };
  const lastRateReport = { requested: Number.NaN, at: Number.NEGATIVE_INFINITY };

  function reportRate(attempt: BlockedAttempt): void {
    const now = options.now();
    const repeated =
      Object.is(lastRateReport.requested, attempt.requested) &&
      now - lastRateReport.at < REPEAT_RATE_REPORT_MS;
    lastRateReport.requested = attempt.requested;
    lastRateReport.at = now;
    if (!repeated) options.onBlocked(attempt);
  }

  return {
    /** Where a seek to `target` may land; forward past the frontier lands at the frontier. */
    seek(target: number): number {
      const context = options.seekContext();
      const applied = clampSeek(target, context);
      if (!isSeekAllowed(target, context))
        options.onBlocked({ kind: 'seek', requested: target, applied });
      return applied;
    },

    /** The rate to apply for a request: an allowed rate, else the last allowed one. */
    rate(requested: number, slot: RateSlot = 'playback'): AllowedRate {
      const applied = clampRate(requested, lastAllowed[slot]);
      if (applied !== requested) reportRate({ kind: 'rate', requested, applied });
      lastAllowed[slot] = applied;
      return applied;
    },

    lastAllowedRate(slot: RateSlot = 'playback'): AllowedRate {
      return lastAllowed[slot];
    },
  };
}

export type RequestGate = ReturnType<typeof createRequestGate>;
