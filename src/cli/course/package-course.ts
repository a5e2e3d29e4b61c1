import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MANIFEST_SCHEMA_VERSION,
  parseCourseManifest,
  type CourseManifest,
  type Lesson,
} from '../../domain/course-manifest.ts';
import { runTool } from '../media/media-tools.ts';
import { canSkip, fingerprintOf, parseBuildRecord, type BuildRecord } from './build-record.ts';
import type { CoursePlan } from './course-file.ts';
import { describeInputs, encodingSettings, outputsIntact } from './lesson-inputs.ts';
import { encodeLesson } from './encode-lesson.ts';
import { lessonEntry } from './lesson-entry.ts';
import { BUILD_RECORD_FILE } from './lesson-paths.ts';
import { progressView } from './progress-bar.ts';

export interface PackageOptions {
  outDir: string;
  /** Re-encode every lesson even when nothing changed. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface PackageResult {
  manifest: CourseManifest;
  encoded: string[];
  skipped: string[];
  /** Seconds of lesson encoded and the wall-clock seconds it took, in all and per encode. */
  mediaSeconds: number;
  wallSeconds: number;
  stepSeconds: Record<string, number>;
}

/** Packages a course plan into `outDir`: media, captions, posters, course.json, build record. */
export async function packageCourse(
  plan: CoursePlan,
  options: PackageOptions,
): Promise<PackageResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { outDir } = options;
  await mkdir(outDir, { recursive: true });
  const recordPath = join(outDir, BUILD_RECORD_FILE);
  const previous = parseBuildRecord(await readFile(recordPath, 'utf8').catch(() => undefined));
  const record: BuildRecord = { version: 1, lessons: {} };
  const toolVersion =
    (await runTool('ffmpeg', ['-hide_banner', '-version'])).stdout.split('\n')[0] ?? '';
  const lessons: Lesson[] = [];
  const result = {
    encoded: [] as string[],
    skipped: [] as string[],
    mediaSeconds: 0,
    wallSeconds: 0,
    stepSeconds: {} as Record<string, number>,
  };

  for (const lesson of plan.lessons) {
    const before = previous.lessons[lesson.id];
    const inputs = await describeInputs(plan.baseDir, lesson, before?.inputs);
    const fingerprint = fingerprintOf(
      { ...encodingSettings(lesson, plan), toolVersion },
      inputs.map((input) => input.sha256),
    );
    if (
      !options.force &&
      canSkip(before, fingerprint, await outputsIntact(outDir, before?.lesson))
    ) {
      log(`${lesson.id}  unchanged, skipped`);
      // Titles and thresholds are not in the media: take them from the course file as it is now.
      const entry = { ...before.lesson, title: lesson.title };
      if (lesson.completionThreshold === undefined) delete entry.completionThreshold;
      else entry.completionThreshold = lesson.completionThreshold;
      record.lessons[lesson.id] = { fingerprint, inputs, lesson: entry };
      lessons.push(entry);
      result.skipped.push(lesson.id);
      continue;
    }
    const view = progressView(lesson.id);
    const started = performance.now();
    const written = await encodeLesson(lesson, {
      outDir,
      rungs: plan.rungs,
      onProgress: (step, share) => view.update(step, share),
      onWarning: (message) => log(`warning: ${message}`),
    }).catch((error: unknown) => {
      view.done('failed');
      throw new Error(
        `lesson ${lesson.id}: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    });
    const seconds = (performance.now() - started) / 1000;
    view.done(`${written.durationSeconds.toFixed(1)} s of video in ${seconds.toFixed(1)} s`);
    const entry = lessonEntry(written);
    lessons.push(entry);
    record.lessons[lesson.id] = { fingerprint, inputs, lesson: entry };
    result.encoded.push(lesson.id);
    result.mediaSeconds += written.durationSeconds;
    result.wallSeconds += seconds;
    for (const [step, spent] of Object.entries(written.stepSeconds ?? {})) {
      result.stepSeconds[step] = (result.stepSeconds[step] ?? 0) + spent;
    }
    // Saved after every lesson: an interrupted run keeps the lessons it finished.
    await writeFile(
      recordPath,
      `${JSON.stringify({ ...previous, ...record, lessons: { ...previous.lessons, ...record.lessons } }, null, 2)}\n`,
    );
  }

  const manifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    id: plan.id,
    title: plan.title,
    ...(plan.provider && { provider: plan.provider }),
    pauseWhenHidden: plan.pauseWhenHidden ?? true,
    lessons,
  };
  const checked = parseCourseManifest(manifest);
  if (!checked.ok)
    throw new Error(
      `course.json would not be valid: ${checked.problems.map((p) => p.en).join('; ')}`,
    );
  await writeFile(join(outDir, 'course.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(recordPath, `${JSON.stringify(record, null, 2)}\n`);
  return { manifest: checked.manifest, ...result };
}
