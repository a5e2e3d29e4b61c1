import { describe, expect, it } from 'vitest';
import { dropOffShares, newlyReachedSlices, reachedSlices } from '../../src/domain/drop-off.ts';
import { CREDIT_FLAGS } from '../../src/domain/pace-check.ts';
import { explainFlag, FLAG_EXPLANATIONS } from '../../src/domain/flag-explanations.ts';
import { median, medianPositions } from '../../src/domain/median.ts';
import type { Segment } from '../../src/domain/played-segments.ts';
import { emptyLesson, lessonKey, type LessonLedger } from '../../src/domain/server-credit.ts';
import { summaryChanges } from '../../src/domain/summary-changes.ts';

const indexes = (flags: boolean[]) => flags.flatMap((on, i) => (on ? [i] : []));

describe('reachedSlices', () => {
  it.each<[string, Segment[], number, number[]]>([
    ['nothing credited', [], 20, []],
    ['the whole lesson', [[0, 20]], 20, Array.from({ length: 20 }, (_, i) => i)],
    ['the first quarter', [[0, 5]], 20, [0, 1, 2, 3, 4]],
    ['half a slice counts', [[0, 0.5]], 20, [0]],
    ['less than half does not', [[0, 0.49]], 20, []],
    [
      'a gap in the middle',
      [
        [0, 4],
        [10, 20],
      ],
      20,
      [0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    ],
    ['segments past the end are clipped', [[19, 40]], 20, [19]],
    ['a lesson of no length reaches nothing', [[0, 5]], 0, []],
  ])('%s', (_name, segments, duration, expected) => {
    expect(indexes(reachedSlices(segments, duration))).toEqual(expected);
  });

  it('lists only the slices a batch newly reached', () => {
    expect(newlyReachedSlices([[0, 2]], [[0, 4]], 20)).toEqual([2, 3]);
    expect(newlyReachedSlices([[0, 4]], [[0, 4]], 20)).toEqual([]);
  });

  it('turns counts into shares of the starters', () => {
    expect(dropOffShares([4, 2, 0], 4)).toEqual([1, 0.5, 0]);
    expect(dropOffShares([1], 0)).toEqual([0]);
  });
});

describe('median', () => {
  it.each<[number[], number | null, number[]]>([
    [[], null, []],
    [[7], 7, [0]],
    [[3, 1], 2, [0, 1]],
    [[5, 1, 3], 3, [1]],
    [[4, 1, 3, 2], 2.5, [1, 2]],
  ])('of %j is %s', (values, expected, positions) => {
    expect(median(values)).toBe(expected);
    expect(medianPositions(values.length)).toEqual(positions);
  });
});

describe('flag explanations', () => {
  it('explain every credit flag in both languages', () => {
    for (const flag of CREDIT_FLAGS) {
      expect(FLAG_EXPLANATIONS[flag].id.length).toBeGreaterThan(20);
      expect(FLAG_EXPLANATIONS[flag].en.length).toBeGreaterThan(20);
    }
  });
  it('shows an unknown flag by its name', () => {
    expect(explainFlag('new:flag', 'en')).toBe('new:flag');
  });
});

describe('summaryChanges', () => {
  const order = new Map([
    [
      'c',
      [
        { id: 'a', durationSeconds: 20 },
        { id: 'b', durationSeconds: 20 },
      ],
    ],
  ]);
  const lesson = (
    id: string,
    credited: Segment[],
    completedAt: number | null,
  ): [string, LessonLedger] => [
    lessonKey('c', id),
    { ...emptyLesson('c', id), credited, completedAt },
  ];

  it('counts a first lesson, its newly reached slices, and a flagged event', () => {
    const changes = summaryChanges({
      before: new Map(),
      after: new Map([lesson('a', [[0, 2]], null)]),
      events: [{ courseId: 'c', outcome: { flags: ['pace:too-fast'] } }],
      lessonOrder: order,
    });
    expect(
      changes.counters
        .map(({ lessonId, metric, delta }) => `${lessonId}/${metric}/${delta}`)
        .sort(),
    ).toEqual(
      [
        '/flag:pace:too-fast/1',
        '/participants/1',
        'a/reach:0/1',
        'a/reach:1/1',
        'a/started/1',
      ].sort(),
    );
    expect(changes.participants).toEqual([
      {
        courseId: 'c',
        lessonsStarted: 1,
        lessonsCompleted: 0,
        watchedSeconds: 2,
        flags: [],
        flaggedEvents: 1,
        finished: false,
      },
    ]);
  });

  it('counts completing and finishing once, when they happen', () => {
    const before = new Map([lesson('a', [[0, 20]], 1), lesson('b', [[0, 10]], null)]);
    const after = new Map([lesson('a', [[0, 20]], 1), lesson('b', [[0, 20]], 2)]);
    const changes = summaryChanges({
      before,
      after,
      events: [{ courseId: 'c', outcome: { flags: [] } }],
      lessonOrder: order,
    });
    const metrics = changes.counters.map(({ lessonId, metric }) => `${lessonId}/${metric}`);
    expect(metrics).toContain('b/completed');
    expect(metrics).toContain('/finished');
    expect(metrics).not.toContain('/participants');
    expect(metrics.filter((metric) => metric.startsWith('b/reach:'))).toHaveLength(10);
    expect(changes.participants[0]).toMatchObject({
      lessonsCompleted: 2,
      finished: true,
      watchedSeconds: 40,
    });
  });
});
