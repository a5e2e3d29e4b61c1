import { describe, expect, it } from 'vitest';
import { checkPace, paceAllowance, type ClaimFacts } from '../../src/domain/pace-check.ts';

const honest: ClaimFacts = {
  newSeconds: 10,
  playedSinceLast: 10,
  elapsedSeconds: 10,
  stream: { elapsedSeconds: 50, creditedSeconds: 50 },
  wallRemainingSeconds: 1_000,
  overlap: { otherDevice: 0, otherLesson: 0 },
};

describe('paceAllowance', () => {
  it.each([
    [0, 2],
    [10, 12.5],
    [600, 632],
  ])('allows %s s of elapsed time to credit %s s (1x + 5% + 2 s)', (elapsed, allowed) => {
    expect(paceAllowance(elapsed)).toBeCloseTo(allowed, 9);
  });
});

describe('checkPace', () => {
  it('credits an honest claim in full, with no flags', () => {
    expect(checkPace(honest)).toEqual({ creditSeconds: 10, flags: [] });
  });

  it.each<[string, Partial<ClaimFacts>, number, string[]]>([
    [
      'more media than elapsed time (speed-up)',
      { newSeconds: 30, playedSinceLast: 30 },
      12.5,
      ['pace:too-fast'],
    ],
    [
      'segments that grew more than the device says it played',
      { newSeconds: 10, playedSinceLast: 1 },
      3.05,
      ['pace:segments-exceed-played'],
    ],
    [
      'more than the server clock allows since the participant appeared',
      { wallRemainingSeconds: 4 },
      4,
      ['pace:exceeds-wall-clock'],
    ],
    [
      'minutes another device was already credited for',
      { overlap: { otherDevice: 9, otherLesson: 0 } },
      3.5,
      ['overlap:other-device'],
    ],
    [
      'minutes another lesson on the same device was credited for',
      { overlap: { otherDevice: 0, otherLesson: 12.5 } },
      0,
      ['overlap:other-lesson'],
    ],
    [
      'tolerance collected event by event',
      { stream: { elapsedSeconds: 50, creditedSeconds: 60 } },
      5,
      ['pace:too-fast'],
    ],
  ])('cuts and flags %s', (_name, change, credit, flags) => {
    const verdict = checkPace({ ...honest, ...change });
    expect(verdict.creditSeconds).toBeCloseTo(credit, 9);
    expect(verdict.flags).toEqual(flags);
  });

  it('flags a speed-up claim even when it adds no new media', () => {
    expect(checkPace({ ...honest, newSeconds: 0, playedSinceLast: 60 })).toEqual({
      creditSeconds: 0,
      flags: ['pace:too-fast'],
    });
  });

  it('absorbs timer jitter within the stated tolerance', () => {
    expect(checkPace({ ...honest, newSeconds: 12, playedSinceLast: 10.4 }).flags).toEqual([]);
  });
});
