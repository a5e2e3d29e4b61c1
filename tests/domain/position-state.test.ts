import { describe, expect, it } from 'vitest';
import { positionStateIsStale } from '../../src/domain/position-state.ts';

const sent = { at: 10_000, duration: 40, position: 5, playbackRate: 1 };

describe('positionStateIsStale (lock-screen position updates)', () => {
  it('sends the first state', () => {
    expect(positionStateIsStale(null, sent)).toBe(true);
  });

  it('skips states the browser can extrapolate from the last one', () => {
    expect(positionStateIsStale(sent, { ...sent, at: 11_000, position: 6 })).toBe(false);
    expect(positionStateIsStale(sent, { ...sent, at: 14_000, position: 9.3 })).toBe(false);
  });

  it('sends a change of rate or length, a jump, or an old state', () => {
    expect(positionStateIsStale(sent, { ...sent, at: 10_250, playbackRate: 0.5 })).toBe(true);
    expect(positionStateIsStale(sent, { ...sent, at: 10_250, duration: 41 })).toBe(true);
    expect(positionStateIsStale(sent, { ...sent, at: 10_500, position: 20 })).toBe(true);
    expect(positionStateIsStale(sent, { ...sent, at: 13_000, position: 5 })).toBe(true);
    expect(positionStateIsStale(sent, { ...sent, at: 15_000, position: 10 })).toBe(true);
  });
});
