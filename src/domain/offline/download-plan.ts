import {
  isHlsType,
  type HlsRendition,
  type Lesson,
  type LessonSource,
} from '../course-manifest.ts';

/**
 * What downloading a lesson means: the exact files to fetch, each with the size and SHA-256 the
 * manifest states (when it does), all relative to the manifest like the manifest's own URLs.
 */
export interface PlannedFile {
  src: string;
  bytes?: number | undefined;
  sha256?: string | undefined;
  role: 'media' | 'playlist' | 'segment' | 'caption' | 'poster';
}

export type DownloadPlan =
  | { ok: true; files: PlannedFile[]; source: LessonSource; rendition: HlsRendition | null }
  | { ok: false; reason: 'hls-without-files' };

/**
 * The rung or source a download takes. Until the participant's quality choice lands (the
 * "signal" work adds it to the domain), this is data saver's pick: the lowest rung, or the
 * smallest progressive source. Every download asks this one function.
 */
export function downloadQualityOf(lesson: Lesson): {
  source: LessonSource;
  rendition: HlsRendition | null;
} {
  // The player plays the first source it can; where MSE exists that is the HLS source.
  const source = lesson.sources[0] as LessonSource;
  if (isHlsType(source.type)) {
    const rungs = [...(source.renditions ?? [])].sort((a, b) => a.height - b.height);
    return { source, rendition: rungs[0] ?? null };
  }
  const progressive = lesson.sources.filter((s) => !isHlsType(s.type));
  const smallest = [...progressive].sort(
    (a, b) => (a.height ?? a.bitrateKbps ?? 0) - (b.height ?? b.bitrateKbps ?? 0),
  )[0];
  return { source: smallest ?? source, rendition: null };
}

export function planLessonDownload(lesson: Lesson): DownloadPlan {
  const { source, rendition } = downloadQualityOf(lesson);
  const files: PlannedFile[] = [];
  if (isHlsType(source.type)) {
    if (!rendition?.files?.length) return { ok: false, reason: 'hls-without-files' };
    files.push({ src: source.src, bytes: source.bytes, sha256: source.sha256, role: 'playlist' });
    rendition.files.forEach((file, index) =>
      files.push({ ...file, role: index === 0 ? 'playlist' : 'segment' }),
    );
  } else {
    files.push({ src: source.src, bytes: source.bytes, sha256: source.sha256, role: 'media' });
  }
  for (const track of lesson.captions) {
    files.push({ src: track.src, bytes: track.bytes, sha256: track.sha256, role: 'caption' });
  }
  if (typeof lesson.poster === 'string') files.push({ src: lesson.poster, role: 'poster' });
  else if (lesson.poster) files.push({ ...lesson.poster, role: 'poster' });
  return { ok: true, files, source, rendition };
}

/** Bytes of a plan as far as the manifest states them; files without facts count 0. */
export function plannedBytes(files: readonly PlannedFile[]): number {
  return files.reduce((sum, file) => sum + (file.bytes ?? 0), 0);
}

/**
 * What identifies the media a stored copy holds: when a republished manifest gives a different
 * signature for a lesson, the stored copy is outdated.
 */
export function planSignature(files: readonly PlannedFile[]): string {
  return files.map((file) => `${file.src}|${file.bytes ?? ''}|${file.sha256 ?? ''}`).join('\n');
}
