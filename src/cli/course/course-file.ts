import { basename, dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fieldPath } from '../../domain/course-manifest.ts';
import { RUNG_HEIGHTS } from '../media/ladder.ts';

/**
 * The provider's input: a small YAML or JSON file naming the course and its lessons in order,
 * each with a video file and optional captions (paths relative to the course file).
 * Documented in docs/course-packaging.md.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits or -');
const text = z.string().trim().min(1).max(200);
const localized = z.union([text, z.strictObject({ id: text, en: text.optional() })], {
  error: 'must be text, or { id: Indonesian, en: English }',
});
const rung = z
  .number()
  .refine((height) => RUNG_HEIGHTS.includes(height), `must be one of ${RUNG_HEIGHTS.join(', ')}`);

const caption = z.strictObject({
  file: z.string().min(1),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language code like id or en'),
  label: text,
  default: z.boolean().optional(),
});

const lesson = z.strictObject({
  id,
  title: localized,
  video: z.string().min(1),
  captions: z.array(caption).default([]),
  /** `hls` (default): the ladder plus an MP4 fallback; `mp4`: the MP4 alone. */
  delivery: z.enum(['hls', 'mp4']).default('hls'),
  rungs: z.array(rung).min(1).optional(),
  /** Where the poster frame is taken, in seconds (default 1, or 0 for lessons under 2 s). */
  posterAt: z.number().nonnegative().optional(),
  completionThreshold: z.number().gt(0).max(1).optional(),
});

export const courseFileSchema = z
  .strictObject({
    id,
    title: localized,
    provider: text.optional(),
    pauseWhenHidden: z.boolean().optional(),
    rungs: z.array(rung).min(1).optional(),
    lessons: z.array(lesson).min(1).max(500),
  })
  .superRefine((course, context) => {
    const seen = new Set<string>();
    course.lessons.forEach((item, index) => {
      if (seen.has(item.id)) {
        context.addIssue({
          code: 'custom',
          path: ['lessons', index, 'id'],
          message: 'duplicate lesson id',
        });
      }
      seen.add(item.id);
    });
  });

export type CourseFile = z.infer<typeof courseFileSchema>;
export type CourseFileLesson = CourseFile['lessons'][number];

/** The course file with its paths made absolute. */
export interface CoursePlan extends CourseFile {
  /** Where relative paths were resolved from. */
  baseDir: string;
}

export class CourseFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${file}: ${problem}`).join('\n'));
  }
}

export function parseCourseFile(file: string, content: string): CoursePlan {
  let input: unknown;
  try {
    input = /\.json$/i.test(file) ? JSON.parse(content) : parseYaml(content);
  } catch (error) {
    throw new CourseFileError(file, [
      `(file): cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const result = courseFileSchema.safeParse(input);
  if (!result.success) {
    throw new CourseFileError(
      file,
      result.error.issues.map(
        (issue) => `${fieldPath(issue.path) || '(root)'}: ${describe(issue)}`,
      ),
    );
  }
  const baseDir = dirname(resolve(file));
  const absolute = (path: string) => resolve(baseDir, path);
  return {
    ...result.data,
    baseDir,
    lessons: result.data.lessons.map((item) => ({
      ...item,
      video: absolute(item.video),
      captions: item.captions.map((track) => ({ ...track, file: absolute(track.file) })),
    })),
  };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return 'is required but missing';
  }
  if (issue.code === 'unrecognized_keys') return `unknown keys: ${issue.keys.join(', ')}`;
  return issue.message;
}

/** "02_Menyusun-anggaran.mp4" → id "menyusun-anggaran", title "Menyusun anggaran". */
export function lessonFromFileName(file: string): { id: string; title: string } {
  const stem = basename(file, extname(file)).replace(/^\d+[\s._-]*/, '') || basename(file);
  const words = stem.replace(/[\s._-]+/g, ' ').trim();
  const slug = words
    .normalize('NFKD')
    .replace(/[^\w\s]/g, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return { id: slug || 'pelajaran', title: words.charAt(0).toUpperCase() + words.slice(1) };
}
