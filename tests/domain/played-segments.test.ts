import { describe, expect, it } from 'vitest';
import {
  addSegment,
  coverageOf,
  coveredSeconds,
  formatPlayedSegments,
  furthestWatched,
  mergeSegments,
  type Segment,
} from '../../src/domain/played-segments.ts';

describe('mergeSegments', () => {
  it.each<[string, Segment[], Segment[]]>([
    ['keeps an empty set empty', [], []],
    ['keeps one interval', [[0, 5]], [[0, 5]]],
    [
      'joins overlapping intervals',
      [
        [0, 5],
        [3, 8],
      ],
      [[0, 8]],
    ],
    [
      'joins touching intervals',
      [
        [0, 5],
        [5, 9],
      ],
      [[0, 9]],
    ],
    [
      'joins a gap within the tolerance',
      [
        [0, 5],
        [5.2, 9],
      ],
      [[0, 9]],
    ],
    [
      'keeps a real gap apart',
      [
        [0, 5],
        [7, 9],
      ],
      [
        [0, 5],
        [7, 9],
      ],
    ],
    [
      'sorts before merging',
      [
        [7, 9],
        [0, 5],
        [4, 7.1],
      ],
      [[0, 9]],
    ],
    [
      'drops empty and reversed intervals',
      [
        [3, 3],
        [5, 4],
        [0, 1],
      ],
      [[0, 1]],
    ],
    [
      'drops non-finite intervals',
      [
        [0, Number.NaN],
        [1, Number.POSITIVE_INFINITY],
        [2, 3],
      ],
      [[2, 3]],
    ],
    ['clips negative starts to zero', [[-2, 3]], [[0, 3]]],
    [
      'swallows contained intervals',
      [
        [0, 10],
        [2, 3],
        [4, 5],
      ],
      [[0, 10]],
    ],
  ])('%s', (_name, input, expected) => {
    expect(mergeSegments(input)).toEqual(expected);
  });
});

describe('coverage', () => {
  it.each<[string, Segment[], number, number]>([
    ['counts nothing played', [], 10, 0],
    ['counts one interval', [[0, 4]], 10, 4],
    [
      'counts overlap once',
      [
        [0, 4],
        [2, 6],
      ],
      10,
      6,
    ],
    ['clips intervals past the duration', [[8, 15]], 10, 2],
    [
      'adds separate intervals',
      [
        [0, 2],
        [5, 7],
      ],
      10,
      4,
    ],
  ])('%s', (_name, segments, duration, seconds) => {
    expect(coveredSeconds(segments, duration)).toBeCloseTo(seconds);
    expect(coverageOf(segments, duration)).toBeCloseTo(seconds / duration);
  });

  it('is zero for a zero-length lesson', () => {
    expect(coverageOf([[0, 5]], 0)).toBe(0);
  });
});

describe('furthestWatched', () => {
  it.each<[string, Segment[], number]>([
    ['is zero when nothing was played', [], 0],
    ['is the end of the run from the start', [[0, 6.5]], 6.5],
    ['ignores a run that does not start at the beginning', [[3, 9]], 0],
    [
      'stops at the first real gap',
      [
        [0, 4],
        [6, 9],
      ],
      4,
    ],
    [
      'follows runs joined within the tolerance',
      [
        [0.2, 4],
        [4.1, 9],
      ],
      9,
    ],
  ])('%s', (_name, segments, frontier) => {
    expect(furthestWatched(segments)).toBeCloseTo(frontier);
  });
});

describe('addSegment and formatPlayedSegments', () => {
  it('adds and merges, and formats in the xAPI video profile style', () => {
    const segments = addSegment(addSegment([], [0, 2.5]), [2.5, 4.25]);
    expect(segments).toEqual([[0, 4.25]]);
    expect(formatPlayedSegments([...segments, [10, 12]])).toBe('0[.]4.25[,]10[.]12');
  });
});
