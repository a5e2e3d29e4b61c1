import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests so the comparison takes the same time whatever the key's length. */
export const sameKey = (given: string, expected: string) =>
  timingSafeEqual(digest(given), digest(expected));
