import { describe, expect, it } from 'vitest';
import { clampRate, isAllowedRate } from '../../src/domain/rate-policy.ts';
import { clampSeek, isSeekAllowed, type SeekContext } from '../../src/domain/seek-policy.ts';

const watching: SeekContext = { frontier: 12, completed: false, duration: 60 };
const reviewing: SeekContext = { frontier: 60, completed: true, duration: 60 };

describe('clampSeek', () => {
  it.each<[string, number, SeekContext, number]>([
    ['lets a seek back through', 5, watching, 5],
    ['lets a seek to the frontier through', 12, watching, 12],
    ['rejects a seek past the watched frontier', 30, watching, 12],
    ['rejects a seek to the end', 60, watching, 12],
    ['clamps negative targets to the start', -4, watching, 0],
    ['treats NaN as the start', Number.NaN, watching, 0],
    ['treats +Infinity as past the frontier', Number.POSITIVE_INFINITY, watching, 0],
    ['allows any point of a completed lesson', 45, reviewing, 45],
    ['keeps review seeks inside the lesson', 90, reviewing, 60],
  ])('%s', (_name, target, context, expected) => {
    expect(clampSeek(target, context)).toBe(expected);
  });

  it.each<[number, boolean]>([
    [11, true],
    [12.2, true],
    [12.5, false],
    [59, false],
  ])('isSeekAllowed(%d) is %s at frontier 12', (target, allowed) => {
    expect(isSeekAllowed(target, watching)).toBe(allowed);
  });
});

describe('clampRate', () => {
  it.each<[number, 0.5 | 0.75 | 1, number]>([
    [0.5, 1, 0.5],
    [0.75, 1, 0.75],
    [1, 0.5, 1],
    [2, 1, 1],
    [1.01, 0.75, 0.75],
    [16, 0.5, 0.5],
    [0.25, 1, 1],
    [0, 1, 1],
    [-1, 1, 1],
    [Number.NaN, 0.75, 0.75],
  ])('a request for %d after %d gives %d', (requested, last, expected) => {
    expect(clampRate(requested, last)).toBe(expected);
  });

  it('offers only slower-or-normal speeds', () => {
    expect([0.5, 0.75, 1, 1.25, 2].filter(isAllowedRate)).toEqual([0.5, 0.75, 1]);
  });
});
