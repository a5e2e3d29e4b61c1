import * as z from 'zod/mini';

/**
 * The course manifest: a JSON file a provider publishes for each course. Documented in
 * docs/course-manifest.md. The browser and the server validate it with this same schema, built
 * with zod's tree-shakable "mini" API: it is on the participant's first screen, where every
 * kilobyte costs (docs/decisions/0018-zod-mini-on-the-first-screen.md).
 */
export const MANIFEST_SCHEMA_VERSION = 1;

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id'));
const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const localizedText = z.union([text, z.strictObject({ id: text, en: z.optional(text) })]);
/** Relative paths and http(s) only: never javascript:, data: or other schemes. */
const url = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(2048),
  z.refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https?:\/\//i.test(value), 'url'),
);

export const HLS_TYPES = ['application/x-mpegURL', 'application/vnd.apple.mpegurl'] as const;

export function isHlsType(type: string): boolean {
  return (HLS_TYPES as readonly string[]).includes(type);
}

/**
 * What the manifest may state about a file as served, so that sizes are known before anything
 * is fetched (data saver, downloads) and downloads can be verified (integrity).
 */
const fileFacts = {
  /** Exact size in bytes. */
  bytes: z.optional(z.int().check(z.nonnegative(), z.maximum(2 ** 40))),
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, 'sha256'))),
};

const height = z.int().check(z.positive(), z.maximum(4320));
const bitrateKbps = z.number().check(z.positive(), z.maximum(100_000));

/** A file with facts, e.g. one HLS playlist or segment, relative to the manifest like `src`. */
const factFile = z.strictObject({ src: url, ...fileFacts });

/** One rung of an HLS ladder: its picture height and, optionally, every file it consists of. */
const hlsRendition = z.strictObject({
  height,
  bitrateKbps: z.optional(bitrateKbps),
  /** The rung's media playlist. */
  playlist: z.optional(url),
  /** Total bytes of the rung's playlist and segments. */
  bytes: fileFacts.bytes,
  /** The rung's playlist and all its segments, for downloads and their integrity checks. */
  files: z.optional(z.array(factFile).check(z.maxLength(20_000))),
});

const mediaSource = z
  .strictObject({
    src: url,
    type: z.enum(['video/mp4', 'video/webm', ...HLS_TYPES]),
    ...fileFacts,
    /** Total bitrate (video + audio); for HLS, of the master playlist's lowest rung. */
    bitrateKbps: z.optional(bitrateKbps),
    /** Picture height of a progressive (MP4/WebM) source. */
    height: z.optional(height),
    /** HLS only: the ladder, lowest rung first. */
    renditions: z.optional(z.array(hlsRendition).check(z.minLength(1), z.maxLength(12))),
  })
  .check(
    z.refine((source) => source.renditions === undefined || isHlsType(source.type), {
      message: 'renditions-need-hls',
      path: ['renditions'],
    }),
  );

const captionTrack = z.strictObject({
  src: url,
  srclang: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'srclang')),
  label: text,
  default: z.optional(z.boolean()),
  ...fileFacts,
});

/** A poster is a URL, or a URL with the file's facts. */
const poster = z.union([url, z.strictObject({ src: url, ...fileFacts })]);

export const lessonSchema = z.strictObject({
  id,
  title: localizedText,
  durationSeconds: z.number().check(z.positive(), z.maximum(6 * 3600)),
  sources: z.array(mediaSource).check(z.minLength(1)),
  captions: z._default(z.array(captionTrack), []),
  completionThreshold: z.optional(z.number().check(z.gt(0), z.maximum(1))),
  poster: z.optional(poster),
});

export const courseManifestSchema = z
  .strictObject({
    schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
    id,
    title: localizedText,
    provider: z.optional(text),
    /** The publishing provider's id on the server (docs/providers.md); absent: the default one. */
    providerId: z.optional(id),
    /** Keep playing when the tab is hidden (credit still needs a visible page unless false). */
    pauseWhenHidden: z._default(z.boolean(), true),
    lessons: z.array(lessonSchema).check(z.minLength(1), z.maxLength(500)),
  })
  .check(
    z.superRefine((course, context) => {
      const seen = new Set<string>();
      course.lessons.forEach((lesson, index) => {
        if (seen.has(lesson.id)) {
          context.addIssue({
            code: 'custom',
            path: ['lessons', index, 'id'],
            message: 'duplicate',
          });
        }
        seen.add(lesson.id);
      });
    }),
  );

export type CourseManifest = z.infer<typeof courseManifestSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type LocalizedText = z.infer<typeof localizedText>;
export type LessonSource = z.infer<typeof mediaSource>;
export type HlsRendition = z.infer<typeof hlsRendition>;
export type CaptionTrack = z.infer<typeof captionTrack>;

/** The poster's URL, whichever form the manifest used. */
export function posterSrc(lesson: Pick<Lesson, 'poster'>): string | undefined {
  return typeof lesson.poster === 'string' ? lesson.poster : lesson.poster?.src;
}

export interface ManifestProblem {
  /** Dotted path of the field, e.g. "lessons[2].sources". */
  field: string;
  id: string;
  en: string;
}

export type ManifestResult =
  { ok: true; manifest: CourseManifest } | { ok: false; problems: ManifestProblem[] };

export function parseCourseManifest(input: unknown): ManifestResult {
  // The input is kept on each issue: "missing" is told from "wrong type" by it.
  const result = courseManifestSchema.safeParse(input, { reportInput: true });
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
      if (issue.message === 'sha256') {
        return [
          'harus SHA-256 dalam 64 digit heksadesimal huruf kecil',
          'must be a SHA-256 as 64 lowercase hexadecimal digits',
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
      if (issue.message === 'renditions-need-hls') {
        return ['hanya untuk sumber HLS', 'is only allowed on an HLS source'];
      }
      if (issue.message === 'url') {
        return ['harus alamat relatif atau http(s)://', 'must be a relative address or http(s)://'];
      }
      return ['tidak valid', 'is invalid'];
    default:
      return ['tidak valid', 'is invalid'];
  }
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined;
}
