import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/domain/played-segments.ts';
import {
  clipSegments,
  subtractSegments,
  takeLatest,
  totalSeconds,
} from '../../src/domain/segment-set.ts';

describe('subtractSegments', () => {
  it.each<[string, Segment[], Segment[], Segment[]]>([
    ['nothing covered', [[0, 10]], [], [[0, 10]]],
    ['all covered', [[2, 4]], [[0, 10]], []],
    [
      'a covered middle',
      [[0, 10]],
      [[3, 5]],
      [
        [0, 3],
        [5, 10],
      ],
    ],
    ['a covered start', [[0, 10]], [[0, 4]], [[4, 10]]],
    [
      'two holes across two pieces',
      [
        [0, 5],
        [10, 20],
      ],
      [
        [4, 12],
        [15, 16],
      ],
      [
        [0, 4],
        [12, 15],
        [16, 20],
      ],
    ],
    [
      'unsorted input',
      [
        [10, 20],
        [0, 5],
      ],
      [[0, 1]],
      [
        [1, 5],
        [10, 20],
      ],
    ],
  ])('leaves what is not covered: %s', (_name, from, covered, expected) => {
    expect(subtractSegments(from, covered)).toEqual(expected);
  });
});

describe('takeLatest', () => {
  it.each<[number, Segment[]]>([
    [0, []],
    [3, [[7, 10]]],
    [
      5,
      [
        [1, 2],
        [6, 10],
      ],
    ],
    [
      100,
      [
        [0, 2],
        [6, 10],
      ],
    ],
  ])('takes %s s from the latest media backwards', (seconds, expected) => {
    expect(
      takeLatest(
        [
          [0, 2],
          [6, 10],
        ],
        seconds,
      ),
    ).toEqual(expected);
  });
});

describe('clipSegments and totalSeconds', () => {
  it('drops media past the end of the lesson before counting', () => {
    const clipped = clipSegments(
      [
        [0, 4],
        [8, 30],
      ],
      10,
    );
    expect(clipped).toEqual([
      [0, 4],
      [8, 10],
    ]);
    expect(totalSeconds(clipped)).toBe(6);
  });
});
