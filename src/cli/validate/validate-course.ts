import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  isHlsType,
  parseCourseManifest,
  type CourseManifest,
} from '../../domain/course-manifest.ts';
import { checkFiles } from './check-files.ts';
import { checkHls } from './check-hls.ts';
import { probeDurations } from './probe-pool.ts';
import { DURATION_TOLERANCE_SECONDS, type Problem } from './problem.ts';

export interface ValidationResult {
  manifest?: CourseManifest;
  problems: Problem[];
}

/** Everything `runtut course validate DIR` checks, as a list of problems (empty: valid). */
export async function validateCourse(dir: string): Promise<ValidationResult> {
  const text = await readFile(join(dir, 'course.json'), 'utf8').catch(() => undefined);
  if (text === undefined)
    return { problems: [{ file: 'course.json', field: '(file)', message: 'is missing' }] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const message = `is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { problems: [{ file: 'course.json', field: '(file)', message }] };
  }
  const parsed = parseCourseManifest(input);
  if (!parsed.ok) {
    return {
      problems: parsed.problems.map((problem) => ({
        file: 'course.json',
        field: problem.field,
        message: problem.en.slice(problem.field.length + 2),
      })),
    };
  }
  const { manifest } = parsed;
  const problems = await checkFiles(dir, manifest.lessons);
  for (const [index, lesson] of manifest.lessons.entries()) {
    const at = `lessons[${index}]`;
    for (const [s, source] of lesson.sources.entries()) {
      if (/^https?:\/\//i.test(source.src)) continue;
      if (isHlsType(source.type)) {
        const found = await checkHls(dir, source, `${at}.sources[${s}]`, lesson.durationSeconds);
        problems.push(
          ...found.map((p) =>
            p.field === 'durationSeconds' ? { ...p, field: `${at}.durationSeconds` } : p,
          ),
        );
        continue;
      }
      const [seconds] = await probeDurations([join(dir, source.src)]);
      if (seconds === undefined) {
        if (problems.some((p) => p.file === source.src)) continue; // missing or damaged: said already
        problems.push({
          file: source.src,
          field: `${at}.sources[${s}]`,
          message: 'cannot be read by ffprobe',
        });
      } else if (Math.abs(seconds - lesson.durationSeconds) > DURATION_TOLERANCE_SECONDS) {
        problems.push({
          file: source.src,
          field: `${at}.durationSeconds`,
          message: `is ${lesson.durationSeconds} s, the media lasts ${seconds.toFixed(2)} s (ffprobe)`,
        });
      }
    }
  }
  return { manifest, problems };
}
