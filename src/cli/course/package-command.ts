import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RUNG_HEIGHTS } from '../media/ladder.ts';
import { requireMediaTools } from '../media/media-tools.ts';
import { UsageError } from '../usage-error.ts';
import { parseCourseFile, type CoursePlan } from './course-file.ts';
import { packageCourse } from './package-course.ts';
import { planFromVideos } from './plan-from-videos.ts';
import { sizeTable } from './size-table.ts';

export const PACKAGE_HELP = `Usage: runtut course package <course.yaml | course.json | video files…> [options]

Turns a provider's videos into a course folder Runtut plays: an HLS ladder (240p ≈ 200 kbit/s,
360p ≈ 400 kbit/s, optional 480p ≈ 700 kbit/s) and a 240p MP4 per lesson, posters, WebVTT
captions and course.json with every file's bytes and SHA-256. Needs ffmpeg (Debian: ffmpeg).
Lessons whose inputs and settings are unchanged since the last run are skipped.

Options:
  --out DIR         course folder to write (default: ./<course id>)
  --force           re-encode every lesson
With video files instead of a course file:
  --id ID           course id (default: from the folder name)
  --title TEXT      course title in Indonesian      --title-en TEXT   in English
  --provider TEXT   who publishes the course        --rungs 240,360   the ladder (${RUNG_HEIGHTS.join(', ')})
  --lang CODE       language of captions found beside the videos (default: id)
`;

const OPTIONS = {
  out: { type: 'string' },
  force: { type: 'boolean' },
  id: { type: 'string' },
  title: { type: 'string' },
  'title-en': { type: 'string' },
  provider: { type: 'string' },
  rungs: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runPackage(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (values.help) {
    process.stdout.write(PACKAGE_HELP);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('course package needs a course file or video files');
  const plan = await loadPlan(positionals, values);
  await requireMediaTools();
  const outDir = resolve(values.out ?? plan.id);
  process.stderr.write(`packaging ${plan.id} (${plan.lessons.length} lessons) into ${outDir}\n`);
  const result = await packageCourse(plan, { outDir, force: values.force === true });
  process.stdout.write(sizeTable(result.manifest.lessons));
  if (result.mediaSeconds > 0) {
    const perMinute = (result.wallSeconds / result.mediaSeconds) * 60;
    process.stdout.write(
      `encoded ${result.encoded.length} lesson(s), ${result.mediaSeconds.toFixed(0)} s of video in ` +
        `${result.wallSeconds.toFixed(1)} s (${perMinute.toFixed(1)} s per minute of video)` +
        `${result.skipped.length ? `; ${result.skipped.length} unchanged` : ''}\n`,
    );
    const steps = Object.entries(result.stepSeconds).map(
      ([step, s]) => `${step} ${s.toFixed(1)} s`,
    );
    process.stdout.write(`encoding time by output: ${steps.join(', ')}\n`);
  } else process.stdout.write(`nothing to encode: ${result.skipped.length} lesson(s) unchanged\n`);
  return 0;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type Values = ReturnType<typeof parseOptions>['values'];

async function loadPlan(positionals: string[], values: Values): Promise<CoursePlan> {
  const [first] = positionals;
  if (positionals.length === 1 && first && /\.(ya?ml|json)$/i.test(first)) {
    const content = await readFile(first, 'utf8').catch(() => {
      throw new UsageError(`${first}: course file not found`);
    });
    return parseCourseFile(first, content);
  }
  const rungs = values.rungs?.split(',').map(Number);
  if (rungs?.some((height) => !RUNG_HEIGHTS.includes(height))) {
    throw new UsageError(`--rungs: each must be one of ${RUNG_HEIGHTS.join(', ')}`);
  }
  const plan = planFromVideos(positionals, {
    id: values.id,
    title: values.title,
    titleEn: values['title-en'],
    provider: values.provider,
    lang: values.lang ?? 'id',
  });
  return rungs ? { ...plan, rungs } : plan;
}
