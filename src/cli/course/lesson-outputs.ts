import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AAC_LC, avcCodecString } from '../media/codec-string.ts';
import { spsTraceArgs } from '../media/ffmpeg-args.ts';
import { mediaPlaylistSegments } from '../media/master-playlist.ts';
import { probe, runTool } from '../media/media-tools.ts';
import { isWebVtt, srtToVtt } from '../media/srt-to-vtt.ts';
import type { CourseFileLesson } from './course-file.ts';
import { fileFacts } from './file-facts.ts';
import { bitrateKbps, type WrittenFile } from './lesson-entry.ts';
import { lessonPaths } from './lesson-paths.ts';

/** A file just written, with its path relative to course.json, its size and SHA-256. */
export async function written(outDir: string, src: string): Promise<WrittenFile> {
  return { src, ...(await fileFacts(join(outDir, src))) };
}

/** Sizes, hashes, picture width and codec string of one written rung. */
export async function measureRung(
  outDir: string,
  lessonId: string,
  height: number,
  hasAudio: boolean,
) {
  const paths = lessonPaths(lessonId);
  const playlist = paths.rungPlaylist(height);
  const entries = mediaPlaylistSegments(await readFile(join(outDir, playlist), 'utf8'));
  const files = [await written(outDir, playlist)];
  const segments = [];
  for (const entry of entries) {
    const file = await written(outDir, `${paths.rungDir(height)}/${entry.uri}`);
    files.push(file);
    segments.push({ seconds: entry.seconds, bytes: file.bytes });
  }
  const first = join(outDir, paths.rungDir(height), entries[0]?.uri ?? 'seg-000.ts');
  const picture = (await probe(first)).video;
  const { stderr } = await runTool('ffmpeg', spsTraceArgs(first));
  const codecs = [avcCodecString(stderr), ...(hasAudio ? [AAC_LC] : [])].join(',');
  const seconds = segments.reduce((sum, s) => sum + s.seconds, 0);
  const mediaBytes = segments.reduce((sum, s) => sum + s.bytes, 0);
  return {
    uri: `${height}p/index.m3u8`,
    width: picture?.width ?? 0,
    height,
    codecs,
    segments,
    rung: { height, kbps: bitrateKbps(mediaBytes, seconds), files },
  };
}

/** Converts or copies one caption track to WebVTT and returns its facts. */
export async function writeCaption(
  outDir: string,
  lessonId: string,
  track: CourseFileLesson['captions'][number],
) {
  const text = await readFile(track.file, 'utf8');
  let vtt: string;
  if (/\.srt$/i.test(track.file)) {
    try {
      vtt = srtToVtt(text);
    } catch (error) {
      throw new Error(`${track.file}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  } else if (isWebVtt(text)) vtt = text;
  else throw new Error(`${track.file}: is neither SubRip (.srt) nor WebVTT (starts with "WEBVTT")`);
  const src = lessonPaths(lessonId).caption(track.lang);
  await mkdir(join(outDir, 'captions'), { recursive: true });
  await writeFile(join(outDir, src), vtt);
  return {
    ...(await written(outDir, src)),
    srclang: track.lang,
    label: track.label,
    default: track.default,
  };
}
