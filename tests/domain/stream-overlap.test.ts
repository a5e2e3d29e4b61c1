import { describe, expect, it } from 'vitest';
import { overlappingCredit, type CreditWindow } from '../../src/domain/stream-overlap.ts';

const minute = 60_000;
const window = { deviceId: 'phone-a', lessonKey: 'c/one', startMs: 0, endMs: 10 * minute };
const other = (change: Partial<CreditWindow>): CreditWindow => ({
  deviceId: 'phone-b',
  lessonKey: 'c/one',
  startMs: 0,
  endMs: 10 * minute,
  creditedSeconds: 600,
  ...change,
});

describe('overlappingCredit', () => {
  it.each<[string, CreditWindow, number, number]>([
    ['another device in the same minutes', other({}), 600, 0],
    [
      'another device in half of the minutes',
      other({ startMs: 5 * minute, endMs: 15 * minute }),
      300,
      0,
    ],
    ['another device before this window', other({ startMs: -10 * minute, endMs: 0 }), 0, 0],
    [
      'a long mostly paused window elsewhere',
      other({ startMs: 0, endMs: 100 * minute, creditedSeconds: 60 }),
      6,
      0,
    ],
    [
      'another lesson on the same device',
      other({ deviceId: 'phone-a', lessonKey: 'c/two' }),
      0,
      600,
    ],
    ['the same device and lesson (not an overlap)', other({ deviceId: 'phone-a' }), 0, 0],
    ['a window that credited nothing', other({ creditedSeconds: 0 }), 0, 0],
  ])('counts %s', (_name, earlier, otherDevice, otherLesson) => {
    const result = overlappingCredit(window, [earlier]);
    expect(result.otherDevice).toBeCloseTo(otherDevice, 9);
    expect(result.otherLesson).toBeCloseTo(otherLesson, 9);
  });
});
