import type { Lesson } from '../domain/course-manifest.ts';

export const HLS_TYPE = 'application/x-mpegURL';

export interface LessonMedia {
  sources: { src: string; type: string }[];
  captions: { src: string; srclang: string; label: string; default: boolean }[];
  poster: string | undefined;
}

/** The lesson's URLs, absolute: manifest paths are relative to the manifest itself. */
export function resolveLessonMedia(lesson: Lesson, baseUrl: string, documentUrl: string): LessonMedia {
  const base = new URL(baseUrl, documentUrl);
  const resolve = (path: string) => new URL(path, base).href;
  return {
    sources: lesson.sources.map(({ src, type }) => ({ src: resolve(src), type })),
    captions: lesson.captions.map((track) => ({
      src: resolve(track.src),
      srclang: track.srclang,
      label: track.label,
      default: track.default ?? false,
    })),
    poster: lesson.poster === undefined ? undefined : resolve(lesson.poster),
  };
}

/**
 * The HLS engine is needed only for an HLS source in a browser that cannot play HLS itself but
 * has Media Source Extensions. Elsewhere the lesson plays natively or from its MP4 fallback.
 */
export function needsHlsEngine(media: LessonMedia, probe: HTMLMediaElement): boolean {
  if (!media.sources.some((source) => source.type === HLS_TYPE)) return false;
  const nativeHls =
    probe.canPlayType('application/vnd.apple.mpegurl') !== '' || probe.canPlayType(HLS_TYPE) !== '';
  const mse = typeof MediaSource === 'function' || 'ManagedMediaSource' in globalThis;
  return !nativeHls && mse;
}
