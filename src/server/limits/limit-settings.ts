import type { BucketRule } from '../../domain/token-bucket.ts';

/**
 * What the limits allow, read from the environment by main.ts (docs/deployment.md).
 * A rule with capacity 0 is off.
 */
export interface LimitSettings {
  /** Per participant on /events and /progress: the client sends one batch after another. */
  participant: BucketRule;
  /** Per client address on all of /api/: generous, since many phones share one carrier NAT. */
  address: BucketRule;
  /** Whole-request limit; the client retries (event ids make a resend harmless). */
  requestTimeoutMs: number;
  /** Use X-Forwarded-For's first address (only behind a proxy that sets it). */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: LimitSettings = {
  participant: { capacity: 60, perSecond: 2 },
  address: { capacity: 2000, perSecond: 500 },
  requestTimeoutMs: 15_000,
  trustProxy: false,
};

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number of at least 0, got "${raw}"`);
  return value;
}

export function readLimitSettings(env: NodeJS.ProcessEnv): LimitSettings {
  return {
    participant: {
      capacity: numberFrom(
        env,
        'RATE_LIMIT_PARTICIPANT_BURST',
        DEFAULT_LIMITS.participant.capacity,
      ),
      perSecond: numberFrom(
        env,
        'RATE_LIMIT_PARTICIPANT_PER_SECOND',
        DEFAULT_LIMITS.participant.perSecond,
      ),
    },
    address: {
      capacity: numberFrom(env, 'RATE_LIMIT_ADDRESS_BURST', DEFAULT_LIMITS.address.capacity),
      perSecond: numberFrom(env, 'RATE_LIMIT_ADDRESS_PER_SECOND', DEFAULT_LIMITS.address.perSecond),
    },
    requestTimeoutMs: numberFrom(env, 'REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
