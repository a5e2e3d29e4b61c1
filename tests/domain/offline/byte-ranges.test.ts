import { describe, expect, it } from 'vitest';
import {
  contentRangeHeader,
  isRangeStored,
  planRange,
  readContentRange,
  readRangeHeader,
  unstoredParts,
  type ByteSpan,
  type RangeAsk,
} from '../../../src/domain/offline/byte-ranges.ts';

describe('readRangeHeader', () => {
  it.each<[string | null, number, RangeAsk]>([
    [null, 100, { kind: 'whole' }],
    ['bytes=0-', 100, { kind: 'range', range: { start: 0, end: 99 } }],
    ['bytes=10-19', 100, { kind: 'range', range: { start: 10, end: 19 } }],
    ['bytes=90-200', 100, { kind: 'range', range: { start: 90, end: 99 } }],
    ['bytes=-10', 100, { kind: 'range', range: { start: 90, end: 99 } }],
    ['bytes=-500', 100, { kind: 'range', range: { start: 0, end: 99 } }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=20-10', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-9', 100, { kind: 'whole' }],
    ['items=0-5', 100, { kind: 'whole' }],
  ])('%s of %i bytes', (header, size, expected) => {
    expect(readRangeHeader(header, size)).toEqual(expected);
  });
});

describe('content ranges', () => {
  it('states an inclusive range and the size', () => {
    expect(contentRangeHeader({ start: 0, end: 99 }, 100)).toBe('bytes 0-99/100');
  });
  it.each([
    ['bytes 5-9/100', { start: 5, end: 9, size: 100 }],
    ['bytes 5-9/*', { start: 5, end: 9, size: null }],
    ['bytes */100', null],
    [null, null],
  ])('reads %s', (header, expected) => {
    expect(readContentRange(header)).toEqual(expected);
  });
});

describe('planRange', () => {
  const spans: ByteSpan[] = [
    [0, 100],
    [200, 300],
  ];
  it.each<[string, { start: number; end: number }, ReturnType<typeof planRange>]>([
    ['all stored', { start: 10, end: 49 }, [{ from: 'store', start: 10, end: 50 }]],
    ['nothing stored', { start: 120, end: 149 }, [{ from: 'network', start: 120, end: 150 }]],
    [
      'a stored start, then a hole',
      { start: 50, end: 149 },
      [
        { from: 'store', start: 50, end: 100 },
        { from: 'network', start: 100, end: 150 },
      ],
    ],
    [
      'a hole between two stored parts',
      { start: 0, end: 299 },
      [
        { from: 'store', start: 0, end: 100 },
        { from: 'network', start: 100, end: 200 },
        { from: 'store', start: 200, end: 300 },
      ],
    ],
  ])('%s', (_name, range, expected) => {
    expect(planRange(spans, range)).toEqual(expected);
  });

  it('knows when a range is wholly stored', () => {
    expect(isRangeStored(spans, { start: 0, end: 99 })).toBe(true);
    expect(isRangeStored(spans, { start: 0, end: 100 })).toBe(false);
  });

  it('writes only the bytes not stored yet', () => {
    expect(unstoredParts(spans, [50, 250])).toEqual([[100, 200]]);
    expect(unstoredParts([], [0, 10])).toEqual([[0, 10]]);
  });
});
