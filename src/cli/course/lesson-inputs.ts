import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Lesson } from '../../domain/course-manifest.ts';
import { FALLBACK_HEIGHT, KEYFRAME_SECONDS, RUNGS, SEGMENT_SECONDS } from '../media/ladder.ts';
import { knownHash, type InputRecord } from './build-record.ts';
import type { CourseFileLesson, CoursePlan } from './course-file.ts';
import { fileFacts, sizeAndMtime } from './file-facts.ts';
import { referencedFiles } from './referenced-files.ts';

/** What a lesson's skip decision looks at: its inputs, its settings, and what was written. */
/** Everything that changes the encoded files (not titles or thresholds). */
export function encodingSettings(lesson: CourseFileLesson, plan: CoursePlan) {
  return {
    delivery: lesson.delivery,
    rungs: lesson.rungs ?? plan.rungs,
    posterAt: lesson.posterAt,
    captions: lesson.captions.map(({ lang, label, default: isDefault }) => ({
      lang,
      label,
      isDefault,
    })),
    ladder: RUNGS,
    fallback: FALLBACK_HEIGHT,
    segmentSeconds: SEGMENT_SECONDS,
    keyframeSeconds: KEYFRAME_SECONDS,
  };
}

export async function describeInputs(
  baseDir: string,
  lesson: CourseFileLesson,
  previous: readonly InputRecord[] | undefined,
): Promise<InputRecord[]> {
  const files = [lesson.video, ...lesson.captions.map((track) => track.file)];
  const out: InputRecord[] = [];
  for (const path of files) {
    const now = await sizeAndMtime(path).catch(() => {
      const field = path === lesson.video ? 'video' : 'captions file';
      throw new Error(`lesson ${lesson.id}: ${field} not found: ${path}`);
    });
    const file = relative(baseDir, path);
    const sha256 = knownHash(previous, file, now) ?? (await fileFacts(path)).sha256;
    out.push({ file, ...now, sha256 });
  }
  return out;
}

export async function outputsIntact(outDir: string, lesson: Lesson | undefined): Promise<boolean> {
  if (!lesson) return false;
  for (const reference of referencedFiles(lesson, 0)) {
    const size = await stat(join(outDir, reference.src)).then(
      (info) => info.size,
      () => -1,
    );
    if (size < 0 || (reference.bytes !== undefined && size !== reference.bytes)) return false;
  }
  return true;
}
