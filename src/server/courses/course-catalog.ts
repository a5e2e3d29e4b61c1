import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CourseManifest } from '../../domain/course-manifest.ts';
import { parseCourseManifest } from '../../domain/course-manifest.ts';
import type { SettlementLesson } from '../../domain/course-settlement.ts';

export interface CourseCatalog {
  get(courseId: string): CourseManifest | undefined;
  /** Each course's lessons in order, as the completion rule needs them. */
  readonly lessonOrder: ReadonlyMap<string, readonly SettlementLesson[]>;
  readonly ids: readonly string[];
}

export function catalogOf(manifests: readonly CourseManifest[]): CourseCatalog {
  const byId = new Map(manifests.map((manifest) => [manifest.id, manifest]));
  const lessonOrder = new Map(
    manifests.map((manifest) => [
      manifest.id,
      manifest.lessons.map((lesson) => ({
        id: lesson.id,
        durationSeconds: lesson.durationSeconds,
        completionThreshold: lesson.completionThreshold,
      })),
    ]),
  );
  return { get: (id) => byId.get(id), lessonOrder, ids: [...byId.keys()].sort() };
}

export type CatalogLog = (message: string) => void;

/**
 * Loads `<dir>/<id>/course.json` for every folder in `dir`. A manifest that does not parse,
 * fails the schema, or whose id is not its folder name is logged and skipped.
 */
export async function loadCourseCatalog(
  dir: string,
  log: CatalogLog = console.warn,
): Promise<CourseCatalog> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    log(`courses: cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  const manifests: CourseManifest[] = [];
  for (const entry of entries
    .filter((item) => item.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(dir, entry.name, 'course.json');
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      log(`courses: skipped ${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const result = parseCourseManifest(input);
    if (!result.ok) {
      log(`courses: skipped ${file}: ${result.problems.map((problem) => problem.en).join('; ')}`);
    } else if (result.manifest.id !== entry.name) {
      log(`courses: skipped ${file}: id "${result.manifest.id}" differs from its folder name`);
    } else {
      manifests.push(result.manifest);
    }
  }
  return catalogOf(manifests);
}
