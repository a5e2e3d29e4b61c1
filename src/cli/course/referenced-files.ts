import { isHlsType, type Lesson } from '../../domain/course-manifest.ts';

/** A file a manifest names, with the field that names it and the facts it states. */
export interface Reference {
  /** e.g. "lessons[2].sources[0].renditions[1].files[3]" */
  field: string;
  src: string;
  bytes?: number | undefined;
  sha256?: string | undefined;
  kind: 'mp4' | 'master' | 'playlist' | 'segment' | 'caption' | 'poster' | 'media';
}

/** Every file a lesson refers to (relative URLs only: absolute ones live on another server). */
export function referencedFiles(lesson: Lesson, index: number): Reference[] {
  const at = `lessons[${index}]`;
  const out: Reference[] = [];
  lesson.sources.forEach((source, s) => {
    const field = `${at}.sources[${s}]`;
    const kind = isHlsType(source.type) ? 'master' : source.type === 'video/mp4' ? 'mp4' : 'media';
    out.push({ field, src: source.src, bytes: source.bytes, sha256: source.sha256, kind });
    source.renditions?.forEach((rendition, r) => {
      rendition.files?.forEach((file, f) => {
        out.push({
          field: `${field}.renditions[${r}].files[${f}]`,
          src: file.src,
          bytes: file.bytes,
          sha256: file.sha256,
          kind: f === 0 ? 'playlist' : 'segment',
        });
      });
    });
  });
  lesson.captions.forEach((track, c) => {
    out.push({
      field: `${at}.captions[${c}]`,
      src: track.src,
      bytes: track.bytes,
      sha256: track.sha256,
      kind: 'caption',
    });
  });
  if (lesson.poster !== undefined) {
    const poster = typeof lesson.poster === 'string' ? { src: lesson.poster } : lesson.poster;
    out.push({
      field: `${at}.poster`,
      src: poster.src,
      bytes: poster.bytes,
      sha256: poster.sha256,
      kind: 'poster',
    });
  }
  return out.filter((reference) => !/^https?:\/\//i.test(reference.src));
}
