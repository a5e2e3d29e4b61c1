import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `runtut` bin (the JS launcher, tsx, main.ts) as a participant's provider would. */
export async function runtut(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec('node', ['src/cli/bin.mjs', ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 10_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * A short test video made by ffmpeg (a test pattern with a clock, and a tone), an SRT caption
 * file and a course file naming them, in a fresh temporary folder. Nothing is committed.
 */
export async function makeCourseSources(seconds = 6): Promise<{ dir: string; courseFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'runtut-cli-'));
  await exec('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=640x360:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    join(dir, 'uji.mp4'),
  ]);
  writeFileSync(
    join(dir, 'uji.srt'),
    `1\n00:00:00,000 --> 00:00:03,000\nBagian pertama\n\n2\n00:00:03,000 --> 00:00:0${seconds},000\nBagian kedua\n`,
  );
  const courseFile = join(dir, 'kursus.yaml');
  writeFileSync(
    courseFile,
    [
      'id: uji-paket',
      'title: { id: Kursus Uji, en: Test Course }',
      'provider: Penyedia Uji',
      'lessons:',
      '  - id: satu',
      '    title: { id: Pelajaran Uji, en: Test Lesson }',
      '    video: uji.mp4',
      '    rungs: [240, 360]',
      '    captions:',
      '      - { file: uji.srt, lang: id, label: Bahasa Indonesia, default: true }',
      '',
    ].join('\n'),
  );
  return { dir, courseFile };
}
