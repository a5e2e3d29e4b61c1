import { readdir } from 'node:fs/promises';
import type { CourseManifest } from '../../domain/course-manifest.ts';
import type { SettlementLesson } from '../../domain/course-settlement.ts';
import { DEMO_PROVIDER_ID } from '../providers/provider-directory.ts';
import { readCourseFolder } from './course-folder.ts';

export interface CourseCatalog {
  get(courseId: string): CourseManifest | undefined;
  /** Each course's lessons in order, as the completion rule needs them. */
  readonly lessonOrder: ReadonlyMap<string, readonly SettlementLesson[]>;
  readonly ids: readonly string[];
  /** The id of the provider that publishes the course (its `providerId`, else the default). */
  providerOf(courseId: string): string | undefined;
  /** The manifest JSON exactly as published (served as the course's course.json). */
  sourceOf(courseId: string): unknown;
}

/** A validated manifest and the JSON it was parsed from. */
export interface PublishedCourse {
  manifest: CourseManifest;
  source: unknown;
}

export function catalogOf(
  courses: readonly (CourseManifest | PublishedCourse)[],
  defaultProviderId: string = DEMO_PROVIDER_ID,
): CourseCatalog {
  const published = courses.map((course) =>
    'manifest' in course ? course : { manifest: course, source: course },
  );
  const byId = new Map(published.map((course) => [course.manifest.id, course]));
  const lessonOrder = new Map(
    published.map(({ manifest }) => [
      manifest.id,
      manifest.lessons.map((lesson) => ({
        id: lesson.id,
        durationSeconds: lesson.durationSeconds,
        completionThreshold: lesson.completionThreshold,
      })),
    ]),
  );
  return {
    get: (id) => byId.get(id)?.manifest,
    lessonOrder,
    ids: [...byId.keys()].sort(),
    providerOf: (id) => {
      const course = byId.get(id);
      return course && (course.manifest.providerId ?? defaultProviderId);
    },
    sourceOf: (id) => byId.get(id)?.source,
  };
}

export type CatalogLog = (message: string) => void;

/** The course folders under `dir`, sorted; a missing or unreadable `dir` is logged as empty. */
export async function courseFolderNames(dir: string, log: CatalogLog): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    log(`courses: cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Loads `<dir>/<id>/course.json` for every folder in `dir`, once. A manifest that does not parse,
 * fails the schema, or whose id is not its folder name is logged and skipped. The server itself
 * uses the live catalog (live-catalog.ts), which also picks up changes while it runs.
 */
export async function loadCourseCatalog(
  dir: string,
  log: CatalogLog = console.warn,
  defaultProviderId: string = DEMO_PROVIDER_ID,
): Promise<CourseCatalog> {
  const courses: PublishedCourse[] = [];
  for (const name of await courseFolderNames(dir, log)) {
    const read = await readCourseFolder(dir, name);
    if (read.ok) courses.push(read.course);
    else log(`courses: skipped ${read.file}: ${read.problem}`);
  }
  return catalogOf(courses, defaultProviderId);
}
