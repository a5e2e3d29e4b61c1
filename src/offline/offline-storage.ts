import type { CourseManifest, Lesson } from '../domain/course-manifest.ts';
import { usageTotals, localDayOf } from '../domain/offline/data-usage.ts';
import {
  planLessonDownload,
  plannedBytes,
  planSignature,
} from '../domain/offline/download-plan.ts';
import { downloadFits } from '../domain/offline/storage-fit.ts';
import { DownloadQueue } from './download-queue.ts';
import { mediaDb, type DownloadRecord, type MediaDb } from './media-db.ts';
import { clearPlaybackCache, playbackCacheBytes } from './playback-cache.ts';

/**
 * The public operations on downloads and the media store, as the Downloads view and the outline
 * use them (like Shaka Player's offline `Storage`): plan and check space, download, delete,
 * report. Nothing here unlocks a lesson or touches progress: it only decides where bytes are.
 */
export type DownloadAsk =
  | { ok: true; needed: number }
  | { ok: false; reason: 'no-space'; needed: number; spaceLeft: number }
  | { ok: false; reason: 'no-files'; lessonId: string };

export interface StorageSummary {
  downloads: { key: string; lessonId: string; courseId: string; bytes: number; state: string }[];
  downloadedBytes: number;
  cacheBytes: number;
  quota: number | undefined;
  usage: number | undefined;
  usedToday: number;
  usedThisMonth: number;
  /** `navigator.storage.persisted()`: true, false, or null when the browser cannot say. */
  persisted: boolean | null;
}

export const keyOf = (courseId: string, lessonId: string) => `${courseId}/${lessonId}`;

export function createOfflineStorage(db: MediaDb = mediaDb()) {
  const queue = new DownloadQueue(db);
  let started: Promise<void> | null = null;

  function recordFor(
    manifest: CourseManifest,
    manifestUrl: string,
    lesson: Lesson,
  ): DownloadRecord | null {
    const plan = planLessonDownload(lesson);
    if (!plan.ok) return null;
    return {
      key: keyOf(manifest.id, lesson.id),
      courseId: manifest.id,
      lessonId: lesson.id,
      state: 'none',
      signature: planSignature(plan.files),
      files: plan.files.map((file) => ({
        ...file,
        url: new URL(file.src, manifestUrl).href,
        done: false,
      })),
      bytesTotal: plannedBytes(plan.files),
      updatedAt: Date.now(),
    };
  }

  return {
    queue,
    /** Restores downloads under way, and marks copies of republished lessons outdated. */
    start(manifest: CourseManifest, manifestUrl: string): Promise<void> {
      started ??= (async () => {
        await queue.restore();
        for (const lesson of manifest.lessons) {
          const entry = queue.get(keyOf(manifest.id, lesson.id));
          const fresh = recordFor(manifest, manifestUrl, lesson);
          if (
            entry?.record.state === 'complete' &&
            fresh &&
            fresh.signature !== entry.record.signature
          ) {
            await queue.markOutdated(entry.record.key);
          }
        }
        window.addEventListener('online', () => queue.wake());
        queue.settle();
      })().catch(() => undefined);
      return started;
    },

    /** Size and space, checked before anything is fetched. */
    async ask(
      manifest: CourseManifest,
      manifestUrl: string,
      lessons: readonly Lesson[],
    ): Promise<DownloadAsk> {
      let needed = 0;
      for (const lesson of lessons) {
        const record = recordFor(manifest, manifestUrl, lesson);
        if (!record) return { ok: false, reason: 'no-files', lessonId: lesson.id };
        if (queue.get(record.key)?.record.state !== 'complete') needed += record.bytesTotal;
      }
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      const verdict = downloadFits(needed, { quota: estimate?.quota, usage: estimate?.usage });
      if (!verdict.fits)
        return { ok: false, reason: 'no-space', needed, spaceLeft: verdict.spaceLeft };
      return { ok: true, needed };
    },

    /** Queues lessons (after `ask` said yes). The first download asks the browser to persist. */
    async download(
      manifest: CourseManifest,
      manifestUrl: string,
      lessons: readonly Lesson[],
    ): Promise<void> {
      if ((await db.downloads.count()) === 0) {
        const granted = await navigator.storage?.persist?.().catch(() => false);
        await db.meta.put({ key: 'persist-asked', value: granted ?? null });
      }
      for (const lesson of lessons) {
        const record = recordFor(manifest, manifestUrl, lesson);
        if (record && queue.get(record.key)?.record.state !== 'complete')
          await queue.enqueue(record);
      }
    },

    remove: (key: string) => queue.remove(key),
    async removeAll(): Promise<void> {
      for (const key of await db.downloads.toCollection().primaryKeys()) await queue.remove(key);
    },
    clearCache: () => clearPlaybackCache(db),

    async summary(): Promise<StorageSummary> {
      const downloads = (await db.downloads.toArray()).map((record) => ({
        key: record.key,
        lessonId: record.lessonId,
        courseId: record.courseId,
        bytes: record.state === 'complete' || record.state === 'outdated' ? record.bytesTotal : 0,
        state: record.state,
      }));
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      const totals = usageTotals(await db.usage.toArray(), localDayOf(new Date()));
      const persisted = (await navigator.storage?.persisted?.().catch(() => null)) ?? null;
      return {
        downloads,
        downloadedBytes: downloads.reduce((sum, d) => sum + d.bytes, 0),
        cacheBytes: await playbackCacheBytes(db),
        quota: estimate?.quota,
        usage: estimate?.usage,
        usedToday: totals.today,
        usedThisMonth: totals.month,
        persisted,
      };
    },
  };
}

export type OfflineStorage = ReturnType<typeof createOfflineStorage>;
