import { describe, expect, it } from 'vitest';
import {
  creditSample,
  creditedInterval,
  type PlaybackSample,
} from '../../src/domain/playback-credit.ts';

const base: PlaybackSample = { position: 10, wallMs: 0, playing: true, rate: 1, pageVisible: true };
const at = (change: Partial<PlaybackSample>): PlaybackSample => ({ ...base, ...change });
const visible = { requireVisible: true };

describe('creditedInterval', () => {
  it.each<
    [string, PlaybackSample | undefined, PlaybackSample, readonly [number, number] | undefined]
  >([
    ['credits normal play at 1x', base, at({ position: 10.25, wallMs: 250 }), [10, 10.25]],
    [
      'credits slow play at 0.5x',
      at({ rate: 0.5 }),
      at({ position: 10.125, wallMs: 250, rate: 0.5 }),
      [10, 10.125],
    ],
    [
      'credits timer jitter within tolerance',
      base,
      at({ position: 10.5, wallMs: 250 }),
      [10, 10.5],
    ],
    ['refuses a forward jump', base, at({ position: 30, wallMs: 250 }), undefined],
    [
      'refuses a small skip beyond the elapsed time',
      base,
      at({ position: 11, wallMs: 250 }),
      undefined,
    ],
    [
      'refuses play faster than 1x',
      at({ rate: 2 }),
      at({ position: 10.5, wallMs: 250, rate: 2 }),
      undefined,
    ],
    [
      'refuses when the rate changed to 1.5x',
      base,
      at({ position: 10.3, wallMs: 250, rate: 1.5 }),
      undefined,
    ],
    ['refuses a backward move', base, at({ position: 5, wallMs: 250 }), undefined],
    [
      'refuses while paused',
      at({ playing: false }),
      at({ position: 10.25, wallMs: 250 }),
      undefined,
    ],
    [
      'refuses when paused now',
      base,
      at({ position: 10.25, wallMs: 250, playing: false }),
      undefined,
    ],
    [
      'refuses a hidden page',
      base,
      at({ position: 10.25, wallMs: 250, pageVisible: false }),
      undefined,
    ],
    ['refuses without a previous sample', undefined, base, undefined],
    [
      'refuses when the wall clock went backwards',
      base,
      at({ position: 10.5, wallMs: -1000 }),
      undefined,
    ],
  ])('%s', (_name, previous, current, expected) => {
    expect(creditedInterval(previous, current, visible)).toEqual(expected);
  });

  it('credits a hidden page when the course opts out of pausing', () => {
    const hidden = at({ position: 10.25, wallMs: 250, pageVisible: false });
    expect(creditedInterval(base, hidden, { requireVisible: false })).toEqual([10, 10.25]);
  });
});

describe('creditSample', () => {
  it('adds credited play to the segments and leaves them alone otherwise', () => {
    const played = creditSample([[0, 10]], base, at({ position: 10.25, wallMs: 250 }), visible);
    expect(played).toEqual([[0, 10.25]]);
    const jumped = creditSample(played, base, at({ position: 40, wallMs: 250 }), visible);
    expect(jumped).toBe(played);
  });
});
