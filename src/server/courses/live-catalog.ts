import {
  catalogOf,
  courseFolderNames,
  type CatalogLog,
  type CourseCatalog,
} from './course-catalog.ts';
import { publishFolder, type FolderOutcome } from './publish-folder.ts';
import { folderFingerprint } from './course-folder.ts';
import type { PublishedCourse } from './course-catalog.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The server's course catalog while it runs. COURSES_DIR is polled (not fs.watch: polling works
 * the same on every Linux file system, bind mount and network share, and a course folder is a
 * handful of stat calls): a folder whose course.json (or force flag) changed and then stayed the
 * same for one more poll is published again, so a file still being written is not read. A
 * broken or refused version is logged and recorded for `runtut provider status`; the previous
 * good version keeps serving. docs/providers.md, "Publishing".
 */
export interface CourseFolderStatus {
  courseId: string;
  /** serving: the folder's version; stale: an older good version serves; broken: nothing does. */
  state: 'serving' | 'stale' | 'broken';
  problem?: string | undefined;
}

export interface LiveCatalog extends CourseCatalog {
  /** Publishes every changed folder now, without waiting for it to settle. */
  rescan(): Promise<void>;
  statuses(): CourseFolderStatus[];
  close(): void;
}

export interface LiveCatalogOptions {
  dir: string;
  db: Queryable;
  defaultProviderId: string;
  providerExists: (providerId: string) => Promise<boolean>;
  log: CatalogLog;
  now: () => number;
  /** 0: load once, never poll. */
  pollMs: number;
}

export async function openLiveCatalog(options: LiveCatalogOptions): Promise<LiveCatalog> {
  const good = new Map<string, PublishedCourse>();
  const outcomes = new Map<string, FolderOutcome>();
  const processed = new Map<string, string>();
  const settling = new Map<string, string>();
  let snapshot = catalogOf([], options.defaultProviderId);

  async function scan(settle: boolean): Promise<void> {
    const names = (await courseFolderNames(options.dir, options.log)).filter(
      (name) => !name.startsWith('.'),
    );
    let changed = false;
    for (const name of names) {
      const print = await folderFingerprint(options.dir, name);
      const waiting = outcomes.get(name)?.awaitingProvider;
      const providerNowKnown = waiting !== undefined && (await options.providerExists(waiting));
      if (processed.get(name) === print && !providerNowKnown) {
        settling.delete(name);
        continue;
      }
      if (settle && !providerNowKnown && settling.get(name) !== print) {
        settling.set(name, print);
        continue;
      }
      settling.delete(name);
      processed.set(name, print);
      const outcome = await publishFolder(options, name, good.get(name));
      outcomes.set(name, outcome);
      if (outcome.serve) good.set(name, outcome.serve);
      changed = true;
    }
    for (const name of new Set([...good.keys(), ...outcomes.keys()])) {
      if (names.includes(name)) continue;
      options.log(`courses: ${name} withdrawn (its folder is gone)`);
      good.delete(name);
      outcomes.delete(name);
      processed.delete(name);
      changed = true;
    }
    if (changed) snapshot = catalogOf([...good.values()], options.defaultProviderId);
  }

  let running: Promise<void> = scan(false);
  await running;
  const queue = (settle: boolean) => {
    running = running
      .then(() => scan(settle))
      .catch((error: unknown) => {
        options.log(
          `courses: scan failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    return running;
  };
  const timer =
    options.pollMs > 0 ? setInterval(() => void queue(true), options.pollMs) : undefined;
  timer?.unref();

  return {
    get: (id) => snapshot.get(id),
    get lessonOrder() {
      return snapshot.lessonOrder;
    },
    get ids() {
      return snapshot.ids;
    },
    providerOf: (id) => snapshot.providerOf(id),
    sourceOf: (id) => snapshot.sourceOf(id),
    rescan: () => queue(false),
    statuses: () =>
      [...outcomes.entries()]
        .map(([courseId, outcome]) => ({
          courseId,
          state:
            outcome.problem === undefined
              ? ('serving' as const)
              : good.has(courseId)
                ? ('stale' as const)
                : ('broken' as const),
          problem: outcome.problem,
        }))
        .sort((a, b) => a.courseId.localeCompare(b.courseId)),
    close: () => clearInterval(timer),
  };
}
