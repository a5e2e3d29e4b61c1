import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCourseManifest, type CourseManifest } from '../../src/domain/course-manifest.ts';
import { formatProblem } from '../../src/cli/validate/problem.ts';
import { validateCourse } from '../../src/cli/validate/validate-course.ts';
import { makeCourseSources, runtut, type CliResult } from './support/packaged-course.ts';

let sources: { dir: string; courseFile: string };
let out: string;
let packaged: CliResult;
let manifest: CourseManifest;

beforeAll(async () => {
  sources = await makeCourseSources(6);
  out = join(sources.dir, 'out');
  packaged = await runtut(['course', 'package', sources.courseFile, '--out', out]);
  manifest = JSON.parse(readFileSync(join(out, 'course.json'), 'utf8')) as CourseManifest;
}, 120_000);
afterAll(() => rmSync(sources.dir, { recursive: true, force: true }));

/** A copy of the packaged course to damage, and the problems validate then reports. */
async function problemsAfter(damage: (dir: string) => void): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'runtut-damaged-'));
  cpSync(out, dir, { recursive: true });
  damage(dir);
  const { problems } = await validateCourse(dir);
  rmSync(dir, { recursive: true, force: true });
  return problems.map(formatProblem);
}

// Each case runs the real bin (node + tsx) and ffmpeg: seconds each on a shared machine.
vi.setConfig({ testTimeout: 120_000 });

describe('runtut course package', () => {
  it('packages a short video into a course the player schema accepts', () => {
    expect(packaged.code, packaged.stderr).toBe(0);
    expect(parseCourseManifest(manifest).ok).toBe(true);
    const [lesson] = manifest.lessons;
    expect(lesson?.durationSeconds).toBeCloseTo(6, 1);
    const [hls, mp4] = lesson?.sources ?? [];
    expect(hls?.type).toBe('application/x-mpegURL');
    expect(hls?.renditions?.map((rung) => rung.height)).toEqual([240, 360]);
    expect(hls?.renditions?.[0]?.files?.[0]?.src).toBe('media/satu/240p/index.m3u8');
    expect(mp4).toMatchObject({ type: 'video/mp4', height: 240, src: 'media/satu.mp4' });
    expect(lesson?.captions[0]).toMatchObject({
      src: 'captions/satu.id.vtt',
      srclang: 'id',
      default: true,
    });
    expect(readFileSync(join(out, 'captions/satu.id.vtt'), 'utf8')).toMatch(
      /^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:03\.000\n/,
    );
  });

  it('caps 240p at about 200 kbit/s and 360p at about 400 kbit/s in total', () => {
    const [low, high] = manifest.lessons[0]?.sources[0]?.renditions ?? [];
    expect(low?.bitrateKbps).toBeLessThanOrEqual(230);
    expect(high?.bitrateKbps).toBeLessThanOrEqual(460);
  });

  it('writes a VOD master playlist, lowest rung first, with BANDWIDTH, RESOLUTION and CODECS', () => {
    const master = readFileSync(join(out, 'media/satu/master.m3u8'), 'utf8');
    const variants = master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF'));
    expect(variants[0]).toMatch(
      /BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=426x240,CODECS="avc1\.4d401e,mp4a\.40\.2"/,
    );
    expect(variants[1]).toMatch(/RESOLUTION=640x360/);
    const rung = readFileSync(join(out, 'media/satu/240p/index.m3u8'), 'utf8');
    expect(rung).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(rung).toContain('#EXT-X-ENDLIST');
  });

  it('shows progress per lesson and ends with the size table', () => {
    expect(packaged.stderr).toMatch(/satu {2}240p {2}\[#*\.*\] +\d+%/);
    expect(packaged.stdout).toMatch(/^lesson +length +240p MB +360p MB +mp4 240p MB/);
    expect(packaged.stdout).toMatch(/MB per hour +\d+ +\d+ +\d+/);
  });

  it('skips an unchanged lesson on a re-run, also when only its mtime changed', async () => {
    const before = readFileSync(join(out, 'course.json'), 'utf8');
    utimesSync(join(sources.dir, 'uji.mp4'), new Date(), new Date());
    const again = await runtut(['course', 'package', sources.courseFile, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('satu  unchanged, skipped');
    expect(again.stdout).toContain('nothing to encode: 1 lesson(s) unchanged');
    expect(readFileSync(join(out, 'course.json'), 'utf8')).toBe(before);
  });

  it('re-encodes when a setting changes', async () => {
    const changed = join(sources.dir, 'kursus-240.yaml');
    writeFileSync(changed, readFileSync(sources.courseFile, 'utf8').replace('[240, 360]', '[240]'));
    const copy = mkdtempSync(join(tmpdir(), 'runtut-rerun-'));
    cpSync(out, copy, { recursive: true });
    const again = await runtut(['course', 'package', changed, '--out', copy]);
    expect(again.stderr).not.toContain('unchanged');
    const rungs = (JSON.parse(readFileSync(join(copy, 'course.json'), 'utf8')) as CourseManifest)
      .lessons[0]?.sources[0]?.renditions;
    expect(rungs?.map((rung) => rung.height)).toEqual([240]);
    rmSync(copy, { recursive: true, force: true });
  });
});

describe('runtut course validate', () => {
  it('passes the packaged course and exits 0', async () => {
    const result = await runtut(['course', 'validate', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/valid \(1 lessons\)/);
  });

  it('catches a truncated segment', async () => {
    const problems = await problemsAfter((dir) => {
      const segment = join(dir, 'media/satu/360p/seg-000.ts');
      truncateSync(segment, Math.floor(readFileSync(segment).length / 3));
    });
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^media\/satu\/360p\/seg-000\.ts: lessons\[0\]\.sources\[0\]\.renditions\[1\]\.files\[1\]\.bytes: HLS segment is truncated: \d+ of \d+ bytes$/,
      ),
    );
  });

  it('catches a wrong duration', async () => {
    const problems = await problemsAfter((dir) => {
      const file = join(dir, 'course.json');
      const changed = JSON.parse(readFileSync(file, 'utf8')) as CourseManifest;
      changed.lessons[0]!.durationSeconds = 9;
      writeFileSync(file, JSON.stringify(changed));
    });
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^media\/satu\.mp4: lessons\[0\]\.durationSeconds: is 9 s, the media lasts 6\.\d\d s \(ffprobe\)$/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^media\/satu\/240p\/index\.m3u8: lessons\[0\]\.durationSeconds: is 9 s, this rung lasts 6\.\d\d s/,
      ),
    );
  });

  it('catches a changed file by its hash', async () => {
    const problems = await problemsAfter((dir) => {
      const poster = join(dir, 'media/posters/satu.jpg');
      const bytes = readFileSync(poster);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
      writeFileSync(poster, bytes);
    });
    expect(problems).toEqual([
      'media/posters/satu.jpg: lessons[0].poster.sha256: poster image changed since packaging: its SHA-256 differs',
    ]);
  });

  it('catches a missing caption file', async () => {
    const problems = await problemsAfter((dir) => unlinkSync(join(dir, 'captions/satu.id.vtt')));
    expect(problems).toEqual([
      'captions/satu.id.vtt: lessons[0].captions[0].src: caption file is missing',
    ]);
  });

  it('catches a declared BANDWIDTH far from the real bitrate', async () => {
    const problems = await problemsAfter((dir) => {
      const file = join(dir, 'media/satu/master.m3u8');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /BANDWIDTH=(\d+),AVERAGE/,
          (_, n) => `BANDWIDTH=${Number(n) * 2},AVERAGE`,
        ),
      );
    });
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^media\/satu\/240p\/index\.m3u8: lessons\[0\]\.sources\[0\]\.renditions\[0\]: peak bitrate \d+ kbit\/s is not within 25% of the declared BANDWIDTH \d+ kbit\/s$/,
      ),
    );
  });

  it('exits 1 and names file and field on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtut-damaged-'));
    cpSync(out, dir, { recursive: true });
    unlinkSync(join(dir, 'captions/satu.id.vtt'));
    const result = await runtut(['course', 'validate', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'captions/satu.id.vtt: lessons[0].captions[0].src: caption file is missing',
    );
  });
});

describe('runtut exit codes', () => {
  it.each([
    { args: ['nope'], code: 2, text: /unknown command "nope"/ },
    { args: ['course', 'package', '--bogus', 'x.yaml'], code: 2, text: /Unknown option '--bogus'/ },
  ])('$args → $code', async ({ args, code, text }) => {
    const result = await runtut(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(text);
  });

  it('names the Debian package when ffmpeg is missing, with exit code 3', async () => {
    const result = await runtut(['course', 'validate', out], {
      RUNTUT_FFMPEG: '/nonexistent/ffmpeg',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/ffmpeg was not found\. Install Debian's "ffmpeg" package/);
  });

  it('refuses a broken course file naming the file and the field, exit code 1', async () => {
    const bad = join(sources.dir, 'rusak.yaml');
    writeFileSync(bad, 'id: c\ntitle: C\nlessons:\n  - { id: a, title: A }\n');
    const result = await runtut(['course', 'package', bad, '--out', join(sources.dir, 'x')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: lessons[0].video: is required but missing`);
  });
});
