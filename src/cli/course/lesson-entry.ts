import type { Lesson, LessonSource } from '../../domain/course-manifest.ts';
import type { FileFacts } from './file-facts.ts';

/** A file as written, with its path relative to course.json. */
export interface WrittenFile extends FileFacts {
  src: string;
}

export interface WrittenRung {
  height: number;
  /** Mean bitrate of the rung's segments, kbit/s. */
  kbps: number;
  /** The media playlist first, then the segments. */
  files: WrittenFile[];
}

export interface WrittenLesson {
  id: string;
  title: Lesson['title'];
  durationSeconds: number;
  completionThreshold?: number | undefined;
  poster: WrittenFile;
  mp4: WrittenFile & { height: number };
  hls?: { master: WrittenFile; rungs: WrittenRung[] } | undefined;
  captions: (WrittenFile & { srclang: string; label: string; default?: boolean | undefined })[];
  /** Wall-clock seconds each encode took ("240p", "mp4"), for the closing figures. */
  stepSeconds?: Record<string, number>;
}

const kbps = (bytes: number, seconds: number) => Math.round((bytes * 8) / seconds / 100) / 10;
const facts = ({ bytes, sha256 }: FileFacts) => ({ bytes, sha256 });

/** The manifest entry for a packaged lesson: every file with its bytes and SHA-256. */
export function lessonEntry(written: WrittenLesson): Lesson {
  const sources: LessonSource[] = [];
  if (written.hls) {
    const rungs = [...written.hls.rungs].sort((a, b) => a.height - b.height);
    sources.push({
      src: written.hls.master.src,
      type: 'application/x-mpegURL',
      ...facts(written.hls.master),
      ...(rungs[0] && { bitrateKbps: rungs[0].kbps }),
      renditions: rungs.map((rung) => ({
        height: rung.height,
        bitrateKbps: rung.kbps,
        playlist: rung.files[0]?.src ?? '',
        bytes: rung.files.reduce((sum, file) => sum + file.bytes, 0),
        files: rung.files.map((file) => ({ src: file.src, ...facts(file) })),
      })),
    });
  }
  sources.push({
    src: written.mp4.src,
    type: 'video/mp4',
    ...facts(written.mp4),
    bitrateKbps: kbps(written.mp4.bytes, written.durationSeconds),
    height: written.mp4.height,
  });
  return {
    id: written.id,
    title: written.title,
    durationSeconds: written.durationSeconds,
    ...(written.completionThreshold !== undefined && {
      completionThreshold: written.completionThreshold,
    }),
    poster: { src: written.poster.src, ...facts(written.poster) },
    sources,
    captions: written.captions.map((track) => ({
      src: track.src,
      srclang: track.srclang,
      label: track.label,
      ...(track.default && { default: true }),
      ...facts(track),
    })),
  };
}

export { kbps as bitrateKbps };
