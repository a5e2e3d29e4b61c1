/**
 * A token bucket, as a pure value: `capacity` requests at once, refilled at `perSecond`. Time
 * is passed in (ms). Used by the server's rate limits (src/server/limits/).
 */
export interface BucketRule {
  capacity: number;
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  atMs: number;
}

export type BucketDecision =
  { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterSeconds: number };

export function takeToken(
  rule: BucketRule,
  bucket: Bucket | undefined,
  nowMs: number,
): BucketDecision {
  const previous = bucket ?? { tokens: rule.capacity, atMs: nowMs };
  const elapsed = Math.max(0, nowMs - previous.atMs) / 1000;
  const tokens = Math.min(rule.capacity, previous.tokens + elapsed * rule.perSecond);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, atMs: nowMs } };
  const wait = rule.perSecond > 0 ? (1 - tokens) / rule.perSecond : Number.POSITIVE_INFINITY;
  return {
    allowed: false,
    bucket: { tokens, atMs: nowMs },
    // Whole seconds, at least 1: what Retry-After can say.
    retryAfterSeconds: Math.max(1, Math.ceil(Math.min(wait, 3600))),
  };
}

/** True when the bucket would be full again by `nowMs`: it can be forgotten. */
export function isRefilled(rule: BucketRule, bucket: Bucket, nowMs: number): boolean {
  return (
    bucket.tokens + (Math.max(0, nowMs - bucket.atMs) / 1000) * rule.perSecond >= rule.capacity
  );
}
