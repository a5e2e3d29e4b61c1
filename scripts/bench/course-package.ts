/**
 * Bench section: the packaging tool on a generated 60 s, 480p video (ffmpeg's moving test
 * pattern with a tone: harder to compress than a lecture, so sizes sit at the caps). Prints
 * seconds of encoding per minute of video for each output and in all, beside one default
 * ffmpeg encode of the same file in the same run (libx264 preset medium, CRF 23, AAC, at the
 * source's size: what a provider gets without the tool), and the sizes per rung in MB per hour.
 *
 *   npx tsx scripts/bench/course-package.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageCourse } from '../../src/cli/course/package-course.ts';
import { sizeTable } from '../../src/cli/course/size-table.ts';
import type { BenchSection } from './section.ts';

const exec = promisify(execFile);
const SECONDS = 60;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

export const coursePackageSection: BenchSection = {
  title: 'course packaging (60 s test video, 480p source)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'runtut-bench-package-'));
    try {
      const video = join(dir, 'source.mkv');
      await exec('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y'],
        ...['-f', 'lavfi', '-i', `testsrc2=size=854x480:rate=25:duration=${SECONDS}`],
        ...['-f', 'lavfi', '-i', `sine=frequency=440:beep_factor=2:duration=${SECONDS}`],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-c:a', 'pcm_s16le', video],
      ]);
      const reference = join(dir, 'reference.mp4');
      const referenceSeconds = await timed(() =>
        exec('ffmpeg', [
          '-hide_banner',
          '-loglevel',
          'error',
          '-y',
          '-i',
          video,
          '-c:v',
          'libx264',
          '-c:a',
          'aac',
          reference,
        ]),
      );
      const plan = {
        id: 'bench',
        title: 'Bench',
        baseDir: dir,
        lessons: [
          {
            id: 'uji',
            title: 'Uji',
            video,
            captions: [],
            delivery: 'hls' as const,
            rungs: [240, 360, 480],
          },
        ],
      };
      const result = await packageCourse(plan, { outDir: join(dir, 'out'), log: () => {} });
      const perMinute = (seconds: number) => ((seconds / SECONDS) * 60).toFixed(1);
      const referenceMb = (statSync(reference).size / 1e6) * (3600 / SECONDS);
      return [
        `whole ladder + MP4 + poster: ${perMinute(result.wallSeconds)} s per minute of video ` +
          `(${(result.wallSeconds / referenceSeconds).toFixed(2)}× one default ffmpeg encode at 480p, ` +
          `${perMinute(referenceSeconds)} s per minute)`,
        `by output, s per minute of video: ${Object.entries(result.stepSeconds)
          .map(([step, s]) => `${step} ${perMinute(s)}`)
          .join(', ')}`,
        `default encode: ${referenceMb.toFixed(0)} MB per hour`,
        ...sizeTable(result.manifest.lessons).trimEnd().split('\n'),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await coursePackageSection.run()) console.log(line);
}
