import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/domain/course-manifest.ts';
import { sizeTable } from '../../src/cli/course/size-table.ts';

const hlsLesson = (
  id: string,
  seconds: number,
  rungs: [number, number][],
  mp4: number,
): Lesson => ({
  id,
  title: id,
  durationSeconds: seconds,
  captions: [],
  sources: [
    {
      src: `media/${id}/master.m3u8`,
      type: 'application/x-mpegURL',
      renditions: rungs.map(([height, bytes]) => ({ height, bytes })),
    },
    { src: `media/${id}.mp4`, type: 'video/mp4', bytes: mp4, height: 240 },
  ],
});

describe('sizeTable', () => {
  const table = sizeTable([
    hlsLesson(
      'satu',
      1800,
      [
        [240, 45_000_000],
        [360, 90_000_000],
      ],
      40_000_000,
    ),
    hlsLesson(
      'dua',
      1800,
      [
        [240, 45_000_000],
        [360, 90_000_000],
        [480, 150_000_000],
      ],
      40_000_000,
    ),
  ]);
  const rows = table.trim().split('\n');
  const cells = (label: string) => rows.find((row) => row.startsWith(label))?.split(/\s{2,}/);

  it('has one column per rung, lowest first, and the MP4 last', () => {
    expect(cells('lesson')).toEqual([
      'lesson',
      'length',
      '240p MB',
      '360p MB',
      '480p MB',
      'mp4 240p MB',
    ]);
  });

  it('lists each lesson with its length and MB per rung, "–" where it has no such rung', () => {
    expect(cells('satu')).toEqual(['satu', '30:00', '45.00', '90.00', '–', '40.00']);
    expect(cells('dua')).toEqual(['dua', '30:00', '45.00', '90.00', '150.00', '40.00']);
    expect(cells('total')).toEqual(['total', '60:00', '90.00', '180.00', '150.00', '80.00']);
  });

  it('gives MB per hour of lesson at each rung, over only the lessons that have it', () => {
    expect(cells('MB per hour')).toEqual(['MB per hour', '90', '180', '300', '80']);
  });
});
