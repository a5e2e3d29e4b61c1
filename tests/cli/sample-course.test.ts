import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/cli/validate/problem.ts';
import { validateCourse } from '../../src/cli/validate/validate-course.ts';

const SAMPLE = 'public/courses/sample';

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

describe('the committed sample course', () => {
  it('passes course validate: schema, files, bytes, hashes, ffprobe durations, HLS bitrates', async () => {
    const { manifest, problems } = await validateCourse(SAMPLE);
    expect(problems.map(formatProblem)).toEqual([]);
    const lessons = manifest?.lessons ?? [];
    // Other tests walk these lessons: ids, order and durations are a contract.
    expect(lessons.map((lesson) => [lesson.id, lesson.durationSeconds])).toEqual([
      ['pengantar', 8],
      ['anggaran', 12],
      ['tabungan', 30],
      ['pinjaman', 40],
      ['penutup', 6],
      ['rencana', 120],
    ]);
    const rungs = (id: string) =>
      lessons.find((lesson) => lesson.id === id)?.sources[0]?.renditions?.map((r) => r.height);
    expect(rungs('tabungan')).toEqual([240, 360]);
    expect(rungs('rencana')).toEqual([240, 360, 480]);
    expect(lessons.at(-1)?.sources.map((source) => source.type)).toEqual([
      'application/x-mpegURL',
      'video/mp4',
    ]);
    expect(lessons.at(-1)?.captions.map((track) => track.srclang)).toEqual(['id', 'en']);
  }, 180_000);

  it('stays under 15 MB in all', () => {
    expect(folderBytes(SAMPLE)).toBeLessThan(15_000_000);
  });
});
