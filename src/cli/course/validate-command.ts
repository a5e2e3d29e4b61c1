import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { requireMediaTools } from '../media/media-tools.ts';
import { UsageError } from '../usage-error.ts';
import { formatProblem } from '../validate/problem.ts';
import { validateCourse } from '../validate/validate-course.ts';

export const VALIDATE_HELP = `Usage: runtut course validate DIR

Checks a course folder (DIR/course.json and the files it names): the player's schema; every
file present with the bytes and SHA-256 stated; durations within 0.5 s of ffprobe; HLS
playlists (lowest rung first, BANDWIDTH/RESOLUTION/CODECS, VOD) and each rung's bitrate within
25% of its BANDWIDTH. Exits 1 and prints "file: field: problem" lines when anything is wrong.
`;

export async function runValidate(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0)
    throw new UsageError('course validate needs exactly one course folder');
  await requireMediaTools();
  const { manifest, problems } = await validateCourse(resolve(dir));
  if (problems.length > 0) {
    process.stderr.write(`${dir}: ${problems.length} problem(s)\n`);
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
  const files = manifest ? manifest.lessons.length : 0;
  process.stdout.write(`${dir}: valid (${files} lessons)\n`);
  return 0;
}
