import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCourseManifest } from '../../domain/course-manifest.ts';
import type { PublishedCourse } from './course-catalog.ts';

/** Present in a course folder: a republished lesson may change its duration (docs/providers.md). */
export const FORCE_FLAG_FILE = 'force-republish';

export type FolderRead =
  | { ok: true; course: PublishedCourse; file: string }
  | { ok: false; problem: string; file: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads and validates `<dir>/<name>/course.json`; its id must be the folder's name. */
export async function readCourseFolder(dir: string, name: string): Promise<FolderRead> {
  const file = join(dir, name, 'course.json');
  let source: unknown;
  try {
    source = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false, file, problem: `course.json cannot be read as JSON: ${messageOf(error)}` };
  }
  const result = parseCourseManifest(source);
  if (!result.ok)
    return { ok: false, file, problem: result.problems.map((problem) => problem.en).join('; ') };
  if (result.manifest.id !== name)
    return { ok: false, file, problem: `id "${result.manifest.id}" differs from its folder name` };
  return { ok: true, file, course: { manifest: result.manifest, source } };
}

/**
 * What changes when a course folder is republished: course.json (written in place or renamed
 * over) and the force flag. Equal fingerprints on two polls in a row mean the writer is done.
 */
export async function folderFingerprint(dir: string, name: string): Promise<string> {
  const facts = await Promise.all(
    ['course.json', FORCE_FLAG_FILE].map((file) =>
      stat(join(dir, name, file)).then(
        (info) => `${info.ino}:${info.size}:${info.mtimeMs}`,
        () => '-',
      ),
    ),
  );
  return facts.join('|');
}
