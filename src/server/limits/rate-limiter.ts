import { isRefilled, takeToken, type Bucket, type BucketRule } from '../../domain/token-bucket.ts';

/**
 * Buckets per key (participant id or client address) in this process's memory. Deliberately
 * per process: a limit is abuse protection, not an exact quota, and a database write per request
 * would cost more than the requests it refuses. With N processes a client can reach at most
 * N x the limit (docs/deployment.md). Memory is bounded: past `maxKeys`, refilled buckets are
 * forgotten, and if none are, the oldest.
 */
export interface RateLimiter {
  take(
    key: string,
    nowMs: number,
  ): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  readonly size: number;
}

export function createRateLimiter(rule: BucketRule, maxKeys = 100_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  function sweep(nowMs: number) {
    for (const [key, bucket] of buckets) if (isRefilled(rule, bucket, nowMs)) buckets.delete(key);
    while (buckets.size >= maxKeys) {
      const oldest = buckets.keys().next();
      if (oldest.done) break;
      buckets.delete(oldest.value);
    }
  }
  return {
    take(key, nowMs) {
      const decision = takeToken(rule, buckets.get(key), nowMs);
      if (!buckets.has(key) && buckets.size >= maxKeys) sweep(nowMs);
      // Re-insert so the Map's order is least recently used first.
      buckets.delete(key);
      buckets.set(key, decision.bucket);
      return decision.allowed
        ? { allowed: true }
        : { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
    },
    get size() {
      return buckets.size;
    },
  };
}
