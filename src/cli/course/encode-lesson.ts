import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hlsRungArgs, mp4FallbackArgs, posterArgs, type InputFacts } from '../media/ffmpeg-args.ts';
import { FALLBACK_HEIGHT, ladderFor, rungOf, DEFAULT_LADDER } from '../media/ladder.ts';
import { masterPlaylist, type Variant } from '../media/master-playlist.ts';
import { probe, runTool } from '../media/media-tools.ts';
import type { CourseFileLesson } from './course-file.ts';
import type { WrittenLesson, WrittenRung } from './lesson-entry.ts';
import { measureRung, writeCaption, written } from './lesson-outputs.ts';
import { lessonPaths } from './lesson-paths.ts';

export interface EncodeOptions {
  outDir: string;
  /** The course's default ladder. */
  rungs?: readonly number[] | undefined;
  /** Called with a label ("240p", "mp4") and 0–1 of the whole lesson. */
  onProgress: (step: string, share: number) => void;
  onWarning: (message: string) => void;
}

const POSTER_HEIGHT = 360;
const round2 = (seconds: number) => Math.round(seconds * 100) / 100;

/** Encodes one lesson: HLS rungs, MP4 fallback, poster, captions; returns what it wrote. */
export async function encodeLesson(
  lesson: CourseFileLesson,
  options: EncodeOptions,
): Promise<WrittenLesson> {
  const { outDir } = options;
  const paths = lessonPaths(lesson.id);
  const source = await probe(lesson.video);
  if (!source.video) throw new Error(`${lesson.video}: has no video stream`);
  const input: InputFacts = { file: lesson.video, hasAudio: source.audio !== undefined };
  const heights =
    lesson.delivery === 'hls'
      ? ladderFor(lesson.rungs ?? options.rungs ?? DEFAULT_LADDER, source.video.height)
      : [];
  const steps = heights.length + 1;
  let done = 0;
  const step = (label: string) => ({
    totalSeconds: source.durationSeconds,
    onProgress: (share: number) => options.onProgress(label, (done + share) / steps),
  });

  await rm(join(outDir, paths.hlsDir), { recursive: true, force: true });
  await mkdir(join(outDir, 'media/posters'), { recursive: true });
  const variants: (Variant & { rung: WrittenRung })[] = [];
  const stepSeconds: Record<string, number> = {};
  const timed = async (label: string, args: string[]) => {
    const started = performance.now();
    await runTool('ffmpeg', args, step(label));
    stepSeconds[label] = (performance.now() - started) / 1000;
  };
  for (const height of heights) {
    const dir = join(outDir, paths.rungDir(height));
    await mkdir(dir, { recursive: true });
    await timed(`${height}p`, hlsRungArgs(input, rungOf(height), dir));
    variants.push(await measureRung(outDir, lesson.id, height, input.hasAudio));
    done += 1;
  }
  await timed('mp4', mp4FallbackArgs(input, rungOf(FALLBACK_HEIGHT), join(outDir, paths.mp4)));
  options.onProgress('mp4', 1);

  const mp4 = await probe(join(outDir, paths.mp4));
  const durationSeconds = round2(mp4.durationSeconds);
  let hls: WrittenLesson['hls'];
  if (variants.length > 0) {
    await writeFile(
      join(outDir, paths.master),
      masterPlaylist(variants.map((v) => ({ ...v, uri: `${v.height}p/index.m3u8` }))),
    );
    hls = { master: await written(outDir, paths.master), rungs: variants.map((v) => v.rung) };
    const hlsSeconds = variants[0]!.segments.reduce((sum, s) => sum + s.seconds, 0);
    if (Math.abs(hlsSeconds - durationSeconds) > 0.1) {
      options.onWarning(
        `${lesson.id}: HLS lasts ${round2(hlsSeconds)} s, the MP4 ${durationSeconds} s`,
      );
    }
  }

  const posterAt = lesson.posterAt ?? (source.durationSeconds >= 2 ? 1 : 0);
  const posterHeight = Math.min(POSTER_HEIGHT, source.video.height);
  await runTool(
    'ffmpeg',
    posterArgs(lesson.video, posterAt, posterHeight, join(outDir, paths.poster)),
  );

  const captions: WrittenLesson['captions'] = [];
  for (const track of lesson.captions) captions.push(await writeCaption(outDir, lesson.id, track));

  return {
    id: lesson.id,
    title: lesson.title,
    durationSeconds,
    completionThreshold: lesson.completionThreshold,
    poster: await written(outDir, paths.poster),
    mp4: {
      ...(await written(outDir, paths.mp4)),
      height: Math.min(FALLBACK_HEIGHT, source.video.height),
    },
    hls,
    captions,
    stepSeconds,
  };
}
