import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCourseManifest } from '../../domain/course-manifest.ts';
import { describeDurationChanges, durationChanges } from '../../domain/republish-rule.ts';
import type { PublishedCourse } from './course-catalog.ts';
import { FORCE_FLAG_FILE, readCourseFolder } from './course-folder.ts';
import type { LiveCatalogOptions } from './live-catalog.ts';
import {
  findPublication,
  recordProblem,
  recordPublished,
  type Publication,
} from './publication-store.ts';

export interface FolderOutcome {
  /** The version to serve from now on; undefined: keep serving what was served. */
  serve?: PublishedCourse | undefined;
  problem?: string | undefined;
  /** The folder names a provider the server does not know yet: retried once it exists. */
  awaitingProvider?: string | undefined;
}

type Options = Pick<
  LiveCatalogOptions,
  'dir' | 'db' | 'defaultProviderId' | 'providerExists' | 'log' | 'now'
>;

/** Why this valid version may not replace the published one, if it may not. */
async function refusal(
  options: Options,
  name: string,
  course: PublishedCourse,
  published: Publication | undefined,
): Promise<Omit<FolderOutcome, 'serve'> | undefined> {
  const providerId = course.manifest.providerId ?? options.defaultProviderId;
  if (!(await options.providerExists(providerId)))
    return {
      problem: `providerId "${providerId}" is not a provider on this server (add it: runtut provider add ${providerId} NAME)`,
      awaitingProvider: providerId,
    };
  const forced = existsSync(join(options.dir, name, FORCE_FLAG_FILE));
  const how = `create ${name}/${FORCE_FLAG_FILE} to publish it anyway (docs/providers.md)`;
  if (published?.providerId && published.providerId !== providerId && !forced)
    return {
      problem: `refused: the course is published by provider "${published.providerId}", not "${providerId}"; ${how}`,
    };
  const before = published?.manifest ? parseCourseManifest(published.manifest) : undefined;
  const changes = before?.ok
    ? durationChanges(before.manifest.lessons, course.manifest.lessons)
    : [];
  if (changes.length === 0) return undefined;
  if (forced) {
    options.log(`courses: ${name}: forced duration change: ${describeDurationChanges(changes)}`);
    return undefined;
  }
  return {
    problem: `refused: ${describeDurationChanges(changes)}; credit is counted in seconds of the published media, so a lesson's duration may not change; ${how}`,
  };
}

/** The last good version kept in the database, after a restart with a broken folder. */
function restore(published: Publication | undefined): PublishedCourse | undefined {
  if (!published?.manifest) return undefined;
  const parsed = parseCourseManifest(published.manifest);
  return parsed.ok ? { manifest: parsed.manifest, source: published.manifest } : undefined;
}

/**
 * Reads one course folder and decides what to serve: its new version if valid and allowed,
 * otherwise the version already served (or the database's last good copy). Records the outcome.
 */
export async function publishFolder(
  options: Options,
  name: string,
  current: PublishedCourse | undefined,
): Promise<FolderOutcome> {
  const read = await readCourseFolder(options.dir, name);
  const published = await findPublication(options.db, name);
  const refused = read.ok
    ? await refusal(options, name, read.course, published)
    : { problem: read.problem };
  if (read.ok && !refused) {
    const providerId = read.course.manifest.providerId ?? options.defaultProviderId;
    await recordPublished(options.db, name, providerId, read.course.source, options.now());
    options.log(`courses: published ${name} (provider ${providerId})`);
    return { serve: read.course };
  }
  const problem = refused?.problem ?? 'unreadable';
  const fallback = current ? undefined : restore(published);
  const serving = current
    ? 'the previous good version keeps serving'
    : fallback
      ? `serving its last good version (published ${published?.publishedAt?.toISOString() ?? '?'})`
      : 'not served';
  options.log(`courses: ${read.file}: ${problem}; ${serving}`);
  await recordProblem(options.db, name, problem, options.now());
  return { serve: fallback, problem, awaitingProvider: refused?.awaitingProvider };
}
