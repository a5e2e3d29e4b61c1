import { isHlsType, posterSrc, type Lesson } from '../domain/course-manifest.ts';

export interface LessonMedia {
  sources: { src: string; type: string }[];
  captions: { src: string; srclang: string; label: string; default: boolean }[];
  poster: string | undefined;
}

/** The lesson's URLs, absolute: manifest paths are relative to the manifest itself. */
export function resolveLessonMedia(
  lesson: Lesson,
  baseUrl: string,
  documentUrl: string,
): LessonMedia {
  const base = new URL(baseUrl, documentUrl);
  const resolve = (path: string) => new URL(path, base).href;
  const poster = posterSrc(lesson);
  return {
    sources: lesson.sources.map(({ src, type }) => ({ src: resolve(src), type })),
    captions: lesson.captions.map((track) => ({
      src: resolve(track.src),
      srclang: track.srclang,
      label: track.label,
      default: track.default ?? false,
    })),
    poster: poster === undefined ? undefined : resolve(poster),
  };
}

/**
 * The HLS engine is loaded only for an HLS source, and then used wherever Media Source
 * Extensions exist, even where the browser plays HLS itself (Chrome on Android does): only VHS
 * lets us start on the lowest rung and keep renditions small for participants who pay per MB.
 * Without MSE (older iPhones) the browser's own HLS, or the MP4 fallback, plays the lesson.
 */
export function needsHlsEngine(media: LessonMedia): boolean {
  if (!media.sources.some((source) => isHlsType(source.type))) return false;
  return typeof MediaSource === 'function' || 'ManagedMediaSource' in globalThis;
}
