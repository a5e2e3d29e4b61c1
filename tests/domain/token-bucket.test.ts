import { describe, expect, it } from 'vitest';
import { isRefilled, takeToken, type Bucket } from '../../src/domain/token-bucket.ts';

const rule = { capacity: 3, perSecond: 1 };

describe('takeToken', () => {
  const cases: [string, Bucket | undefined, number, boolean, number | undefined][] = [
    ['a new key starts full', undefined, 0, true, undefined],
    ['a bucket with one token allows one more', { tokens: 1, atMs: 0 }, 0, true, undefined],
    ['an empty bucket refuses and says when to come back', { tokens: 0, atMs: 0 }, 0, false, 1],
    ['half a token left still waits a whole second', { tokens: 0.5, atMs: 0 }, 0, false, 1],
    ['time refills it', { tokens: 0, atMs: 0 }, 1000, true, undefined],
  ];
  it.each(cases)('%s', (_name, bucket, nowMs, allowed, retry) => {
    const decision = takeToken(rule, bucket, nowMs);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.retryAfterSeconds).toBe(retry);
  });

  it('never holds more than its capacity however long it waits', () => {
    let bucket: Bucket | undefined;
    let allowed = 0;
    for (let i = 0; i < 10; i += 1) {
      const decision = takeToken(rule, bucket ?? { tokens: 0, atMs: -1e9 }, 0);
      bucket = decision.bucket;
      if (decision.allowed) allowed += 1;
    }
    expect(allowed).toBe(3);
  });

  it('a slow refill asks for a longer wait', () => {
    const decision = takeToken({ capacity: 1, perSecond: 0.1 }, { tokens: 0, atMs: 0 }, 0);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it('knows when a bucket is full again and can be forgotten', () => {
    expect(isRefilled(rule, { tokens: 0, atMs: 0 }, 2999)).toBe(false);
    expect(isRefilled(rule, { tokens: 0, atMs: 0 }, 3000)).toBe(true);
  });
});
