export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(cap, base * 2^(attempt-1))].
 * Spreads the retries of many phones coming back online at once (AWS Architecture Blog,
 * "Exponential Backoff And Jitter"). `attempt` counts failures in a row, from 1.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
