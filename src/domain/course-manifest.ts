import { z } from 'zod';

/**
 * The course manifest: a JSON file a provider publishes for each course. Documented in
 * docs/course-manifest.md. The browser and the server validate it with this same schema.
 */
export const MANIFEST_SCHEMA_VERSION = 1;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id');
const text = z.string().trim().min(1).max(200);
const localizedText = z.union([text, z.strictObject({ id: text, en: text.optional() })]);
/** Relative paths and http(s) only: never javascript:, data: or other schemes. */
const url = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https?:\/\//i.test(value), 'url');

export const HLS_TYPES = ['application/x-mpegURL', 'application/vnd.apple.mpegurl'] as const;

export function isHlsType(type: string): boolean {
  return (HLS_TYPES as readonly string[]).includes(type);
}

const mediaSource = z.strictObject({
  src: url,
  type: z.enum(['video/mp4', 'video/webm', ...HLS_TYPES]),
});

const captionTrack = z.strictObject({
  src: url,
  srclang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'srclang'),
  label: text,
  default: z.boolean().optional(),
});

export const lessonSchema = z.strictObject({
  id,
  title: localizedText,
  durationSeconds: z
    .number()
    .positive()
    .max(6 * 3600),
  sources: z.array(mediaSource).min(1),
  captions: z.array(captionTrack).default([]),
  completionThreshold: z.number().gt(0).max(1).optional(),
  poster: url.optional(),
});

export const courseManifestSchema = z
  .strictObject({
    schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
    id,
    title: localizedText,
    provider: text.optional(),
    /** Keep playing when the tab is hidden (credit still needs a visible page unless false). */
    pauseWhenHidden: z.boolean().default(true),
    lessons: z.array(lessonSchema).min(1).max(500),
  })
  .superRefine((course, context) => {
    const seen = new Set<string>();
    course.lessons.forEach((lesson, index) => {
      if (seen.has(lesson.id)) {
        context.addIssue({ code: 'custom', path: ['lessons', index, 'id'], message: 'duplicate' });
      }
      seen.add(lesson.id);
    });
  });

export type CourseManifest = z.infer<typeof courseManifestSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type LocalizedText = z.infer<typeof localizedText>;

export interface ManifestProblem {
  /** Dotted path of the field, e.g. "lessons[2].sources". */
  field: string;
  id: string;
  en: string;
}

export type ManifestResult =
  { ok: true; manifest: CourseManifest } | { ok: false; problems: ManifestProblem[] };

export function parseCourseManifest(input: unknown): ManifestResult {
  const result = courseManifestSchema.safeParse(input);
  if (result.success) return { ok: true, manifest: result.data };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function describeIssue(issue: z.core.$ZodIssue): ManifestProblem {
  const field = fieldPath(issue.path) || '(root)';
  const [id, en] = explain(issue);
  return { field, id: `${field}: ${id}`, en: `${field}: ${en}` };
}

function explain(issue: z.core.$ZodIssue): [string, string] {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? ['wajib diisi, tetapi tidak ada', 'is required but missing']
        : [`harus bertipe ${issue.expected}`, `must be of type ${issue.expected}`];
    case 'invalid_union':
      return issue.errors.every((branch) => branch.some(isMissing))
        ? ['wajib diisi, tetapi tidak ada', 'is required but missing']
        : ['harus teks, atau objek { id, en }', 'must be text, or an { id, en } object'];
    case 'invalid_value':
      return [
        `harus salah satu dari ${issue.values.map(String).join(', ')}`,
        `must be one of ${issue.values.map(String).join(', ')}`,
      ];
    case 'too_small':
      return issue.origin === 'array'
        ? [
            `minimal ${String(issue.minimum)} item`,
            `needs at least ${String(issue.minimum)} item(s)`,
          ]
        : [`terlalu kecil atau kosong`, `is too small or empty`];
    case 'too_big':
      return [
        `melebihi batas ${String(issue.maximum)}`,
        `exceeds the limit of ${String(issue.maximum)}`,
      ];
    case 'invalid_format':
      if (issue.message === 'id') {
        return [
          'harus huruf kecil, angka, atau tanda hubung',
          'must be lowercase letters, digits or hyphens',
        ];
      }
      if (issue.message === 'srclang') {
        return [
          'harus kode bahasa BCP 47, mis. "id" atau "en"',
          'must be a BCP 47 language code, e.g. "id" or "en"',
        ];
      }
      return ['formatnya salah', 'has the wrong format'];
    case 'unrecognized_keys':
      return [
        `kunci tak dikenal: ${issue.keys.join(', ')}`,
        `unknown keys: ${issue.keys.join(', ')}`,
      ];
    case 'custom':
      if (issue.message === 'duplicate') return ['id pelajaran ganda', 'duplicate lesson id'];
      if (issue.message === 'url') {
        return ['harus alamat relatif atau http(s)://', 'must be a relative address or http(s)://'];
      }
      return ['tidak valid', 'is invalid'];
    default:
      return ['tidak valid', 'is invalid'];
  }
}

/** zod 4 does not echo the input by default; its message says what it received. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
}
