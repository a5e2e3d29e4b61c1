import { createHash } from 'node:crypto';
import type { Lesson } from '../../domain/course-manifest.ts';

/**
 * What the packager remembers in the output folder (`.runtut-build.json`) so a re-run skips
 * lessons whose inputs and settings are unchanged. Inputs are recognised by size + mtime first
 * (cheap) and by SHA-256 when those differ (a copied or regenerated but identical file).
 */
export interface InputRecord {
  file: string;
  bytes: number;
  mtimeMs: number;
  sha256: string;
}

export interface LessonRecord {
  fingerprint: string;
  inputs: InputRecord[];
  lesson: Lesson;
}

export interface BuildRecord {
  version: 1;
  lessons: Record<string, LessonRecord>;
}

export const emptyRecord = (): BuildRecord => ({ version: 1, lessons: {} });

export function parseBuildRecord(text: string | undefined): BuildRecord {
  if (!text) return emptyRecord();
  try {
    const value = JSON.parse(text) as Partial<BuildRecord>;
    return value.version === 1 && value.lessons ? (value as BuildRecord) : emptyRecord();
  } catch {
    return emptyRecord();
  }
}

/** The SHA-256 known for a file whose size and mtime have not changed since the last run. */
export function knownHash(
  previous: readonly InputRecord[] | undefined,
  file: string,
  now: { bytes: number; mtimeMs: number },
): string | undefined {
  const hit = previous?.find(
    (input) => input.file === file && input.bytes === now.bytes && input.mtimeMs === now.mtimeMs,
  );
  return hit?.sha256;
}

/** One hash of everything that decides a lesson's output: its settings and its inputs' bytes. */
export function fingerprintOf(settings: unknown, inputHashes: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify({ settings, inputHashes })).digest('hex');
}

/** Skip when the fingerprint matches and the files written last time are still there intact. */
export function canSkip(
  previous: LessonRecord | undefined,
  fingerprint: string,
  outputsIntact: boolean,
): previous is LessonRecord {
  return previous !== undefined && previous.fingerprint === fingerprint && outputsIntact;
}
