import { describe, expect, it } from 'vitest';
import { isLessonComplete, requiredSeconds } from '../../src/domain/completion.ts';
import { canOpenLesson, lessonStates, nextLessonToOpen } from '../../src/domain/lesson-order.ts';
import type { Segment } from '../../src/domain/played-segments.ts';

const ids = ['a', 'b', 'c', 'd'];

describe('lessonStates', () => {
  it.each<[string, string[], string[]]>([
    ['opens only the first lesson at the start', [], ['available', 'locked', 'locked', 'locked']],
    [
      'unlocks the next lesson after one completes',
      ['a'],
      ['completed', 'available', 'locked', 'locked'],
    ],
    [
      'marks all completed at the end',
      ['a', 'b', 'c', 'd'],
      ['completed', 'completed', 'completed', 'completed'],
    ],
    [
      'keeps a lesson completed out of order locked',
      ['a', 'c'],
      ['completed', 'available', 'locked', 'locked'],
    ],
  ])('%s', (_name, completed, expected) => {
    expect([...lessonStates(ids, new Set(completed)).values()]).toEqual(expected);
  });
});

describe('canOpenLesson', () => {
  it.each<[string, string[], boolean]>([
    ['a', [], true],
    ['b', [], false],
    ['d', ['a', 'b'], false],
    ['c', ['a', 'b'], true],
    ['a', ['a', 'b'], true],
    ['zzz', ['a'], false],
  ])('lesson %s with %j completed: %s', (lessonId, completed, allowed) => {
    expect(canOpenLesson(lessonId, ids, new Set(completed))).toBe(allowed);
  });

  it('picks the first unfinished lesson, or the last when all are done', () => {
    expect(nextLessonToOpen(ids, new Set(['a']))).toBe('b');
    expect(nextLessonToOpen(ids, new Set(ids))).toBe('d');
    expect(nextLessonToOpen([], new Set())).toBeUndefined();
  });
});

describe('isLessonComplete', () => {
  it.each<[string, Segment[], number, number | undefined, boolean]>([
    ['is incomplete with nothing played', [], 10, undefined, false],
    ['completes when all but the end tolerance was played', [[0, 9.85]], 10, undefined, true],
    ['stays incomplete one second short', [[0, 8.5]], 10, undefined, false],
    ['completes a long lesson within one second of the end', [[0, 599]], 600, undefined, true],
    [
      'does not count a jump over the middle',
      [
        [0, 3],
        [7, 10],
      ],
      10,
      undefined,
      false,
    ],
    ['honours a lower threshold', [[0, 8]], 10, 0.8, true],
    ['honours a lower threshold from both sides', [[0, 7.9]], 10, 0.8, false],
    [
      'does not count media past the duration',
      [
        [0, 5],
        [10, 20],
      ],
      10,
      undefined,
      false,
    ],
  ])('%s', (_name, segments, duration, threshold, complete) => {
    expect(
      isLessonComplete(segments, { durationSeconds: duration, completionThreshold: threshold }),
    ).toBe(complete);
  });

  it('needs the whole lesson less a tolerance of at most 2%', () => {
    expect(requiredSeconds({ durationSeconds: 10 })).toBeCloseTo(9.8);
    expect(requiredSeconds({ durationSeconds: 100 })).toBeCloseTo(99);
  });
});
