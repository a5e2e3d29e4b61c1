/**
 * Wrong report keys, counted per caller address: after MAX_WRONG_KEYS within WINDOW_MS every
 * attempt from that address (right key or not) is refused with 429 until the oldest failure
 * ages out, so keys cannot be guessed at speed. In memory: each worker counts its own.
 */
export const MAX_WRONG_KEYS = 5;
export const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

export interface KeyAttempts {
  /** Seconds to wait before this address may try again; 0 when it may. */
  retryAfter(address: string, nowMs: number): number;
  recordFailure(address: string, nowMs: number): void;
}

export function createKeyAttempts(): KeyAttempts {
  const failures = new Map<string, number[]>();
  const recent = (address: string, nowMs: number) => {
    const kept = (failures.get(address) ?? []).filter((at) => at > nowMs - WINDOW_MS);
    if (kept.length === 0) failures.delete(address);
    else failures.set(address, kept);
    return kept;
  };
  return {
    retryAfter(address, nowMs) {
      const kept = recent(address, nowMs);
      if (kept.length < MAX_WRONG_KEYS) return 0;
      return Math.max(1, Math.ceil(((kept[0] ?? nowMs) + WINDOW_MS - nowMs) / 1000));
    },
    recordFailure(address, nowMs) {
      if (failures.size >= MAX_ADDRESSES && !failures.has(address)) {
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(address, [...recent(address, nowMs), nowMs]);
    },
  };
}
