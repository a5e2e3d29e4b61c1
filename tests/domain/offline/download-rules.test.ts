import { describe, expect, it } from 'vitest';
import { filesToEvict, playbackCacheBudget } from '../../../src/domain/offline/cache-eviction.ts';
import { usageTotals, localDayOf } from '../../../src/domain/offline/data-usage.ts';
import {
  nextDownloadState,
  type DownloadEvent,
  type DownloadState,
} from '../../../src/domain/offline/download-state.ts';
import { downloadFits, reserveBytes } from '../../../src/domain/offline/storage-fit.ts';
import { keepStoredVariants, variantUris } from '../../../src/domain/offline/master-playlist.ts';

const MB = 1024 * 1024;

describe('nextDownloadState', () => {
  it.each<[DownloadState, DownloadEvent, DownloadState]>([
    ['none', 'request', 'queued'],
    ['queued', 'start', 'downloading'],
    ['downloading', 'drop', 'paused'],
    ['paused', 'resume', 'queued'],
    ['downloading', 'finish', 'complete'],
    ['downloading', 'fail', 'error'],
    ['error', 'request', 'queued'],
    ['complete', 'republished', 'outdated'],
    ['outdated', 'request', 'queued'],
    ['downloading', 'cancel', 'none'],
    ['paused', 'cancel', 'none'],
    // Events that mean nothing in a state leave it as it is.
    ['complete', 'request', 'complete'],
    ['none', 'finish', 'none'],
    ['paused', 'finish', 'paused'],
    ['none', 'republished', 'none'],
  ])('%s + %s → %s', (state, event, expected) => {
    expect(nextDownloadState(state, event)).toBe(expected);
  });
});

describe('downloadFits', () => {
  it.each([
    ['fits with room to spare', 10 * MB, { quota: 1000 * MB, usage: 100 * MB }, true],
    ['does not fit', 10 * MB, { quota: 20 * MB, usage: 8 * MB }, false],
    [
      'would eat the reserve kept for progress',
      10 * MB,
      { quota: 100 * MB, usage: 86 * MB },
      false,
    ],
    ['unknown quota: fetching will tell', 10 * MB, { quota: undefined, usage: undefined }, true],
  ])('%s', (_name, needed, estimate, fits) => {
    expect(downloadFits(needed, estimate).fits).toBe(fits);
  });

  it('keeps 5 MB or 2 % of the quota free', () => {
    expect(reserveBytes(100 * MB)).toBe(5 * MB);
    expect(reserveBytes(1000 * MB)).toBe(20 * MB);
  });
});

describe('filesToEvict', () => {
  const file = (key: string, bytes: number, lastUsed: number, pinned = false) => ({
    key,
    bytes,
    lastUsed,
    pinned,
  });
  it.each([
    ['under budget: nothing', [file('a', 10, 1), file('b', 10, 2)], 30, []],
    [
      'the least recently used first',
      [file('a', 10, 5), file('b', 10, 1), file('c', 10, 3)],
      15,
      ['b', 'c'],
    ],
    ['never a pinned download', [file('d', 100, 0, true), file('a', 10, 5)], 5, ['a']],
    [
      'pinned bytes do not count against the budget',
      [file('d', 100, 0, true), file('a', 10, 5)],
      10,
      [],
    ],
  ])('%s', (_name, files, budget, expected) => {
    expect(filesToEvict(files, budget)).toEqual(expected);
  });

  it('budgets 10 % of the quota within 50–500 MB', () => {
    expect(playbackCacheBudget(undefined)).toBe(100 * MB);
    expect(playbackCacheBudget(100 * MB)).toBe(50 * MB);
    expect(playbackCacheBudget(2000 * MB)).toBe(200 * MB);
    expect(playbackCacheBudget(100_000 * MB)).toBe(500 * MB);
  });
});

describe('usageTotals', () => {
  const days = [
    { day: '2026-11-30', bytes: 5 },
    { day: '2026-12-01', bytes: 7 },
    { day: '2026-12-02', bytes: 11 },
    { day: '2025-12-01', bytes: 100 },
  ];
  it.each([
    ['2026-12-01', { today: 7, month: 18 }],
    ['2026-11-30', { today: 5, month: 5 }],
    ['2026-12-15', { today: 0, month: 18 }],
  ])('on %s', (today, expected) => {
    expect(usageTotals(days, today)).toEqual(expected);
  });

  it('uses the device’s local calendar day', () => {
    expect(localDayOf(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01');
    expect(localDayOf(new Date(2026, 0, 9, 0, 1))).toBe('2026-01-09');
  });
});

describe('keepStoredVariants', () => {
  const master = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-STREAM-INF:BANDWIDTH=197024,RESOLUTION=426x240',
    '240p/index.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=409840,RESOLUTION=640x360',
    '360p/index.m3u8',
  ].join('\n');
  it('answers offline with only the downloaded rung', () => {
    const kept = keepStoredVariants(master, (uri) => uri === '240p/index.m3u8');
    expect(variantUris(kept)).toEqual(['240p/index.m3u8']);
    expect(kept.startsWith('#EXTM3U\n#EXT-X-VERSION:3')).toBe(true);
  });
  it('keeps every stored rung', () => {
    expect(variantUris(keepStoredVariants(master, () => true))).toEqual([
      '240p/index.m3u8',
      '360p/index.m3u8',
    ]);
  });
});
