import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launchPersistentChromium } from '../support/chromium.ts';
import { CoursePage } from '../support/course-page.ts';
import {
  openSampleWithWorker,
  startDownload,
  waitForDownloadState,
  waitForWorker,
} from '../support/downloads-page.ts';

const baseUrl = inject('baseUrl');

/**
 * A browser whose origin may store only `quotaBytes` (CDP `Storage.overrideQuotaForOrigin`), so
 * IndexedDB writes past it fail with QuotaExceededError, as on a full phone. Measured on
 * Chromium 156: the override holds only when it is set before the origin stores anything and no
 * service worker runs there (with the worker, 3 MB of writes passed a 1.5 MB quota), and it
 * never reaches `navigator.storage.estimate()`. Downloads run in the page, so the worker is not
 * needed here.
 */
async function launchWithQuota(quotaBytes: number) {
  const { context } = await launchPersistentChromium(undefined, { serviceWorkers: 'block' });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(baseUrl).origin,
    quotaSize: quotaBytes,
  });
  return { context, page };
}

/**
 * The device reports little space left, as a nearly full phone does. Since the CDP override does
 * not reach `estimate()` (see launchWithQuota), the figure the page reads is set here, before any
 * page script runs; the page's own refusal logic decides from it.
 */
async function reportSpaceLeft(context: BrowserContext, bytesFree: number): Promise<void> {
  await context.addInitScript((free) => {
    const estimate = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = async function reported() {
      const real = await estimate.call(this);
      return { ...real, quota: (real.usage ?? 0) + free };
    };
  }, bytesFree);
}

/** What the participant must never lose: progress rows and the outbox, read raw. */
function learnerRecords(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('runtut');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const progress = await all<{ lessonId: string; frontier: number }>('progress');
    const events = await all<{ localId: number; delivery: string }>('events');
    db.close();
    return {
      frontiers: Object.fromEntries(progress.map((row) => [row.lessonId, row.frontier])),
      pending: events.filter((e) => e.delivery === 'pending').map((e) => e.localId),
    };
  });
}

/** Files and chunks of the media store (partial downloads included). */
function mediaStoreRows(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('runtut-media');
      open.onsuccess = () => resolve(open.result);
    });
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    const rows = { files: await count('files'), chunks: await count('chunks') };
    db.close();
    return rows;
  });
}

describe('storage running out', () => {
  it('refuses a download that does not fit before fetching anything, for one lesson and for the whole course', async () => {
    const { context } = await launchPersistentChromium();
    try {
      await reportSpaceLeft(context, 3_000_000);
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (/\/media\/.+\.(mp4|m3u8|ts|m4s)$/.test(request.url())) fetched.push(request.url());
      });
      const course = new CoursePage(page, baseUrl);
      await course.open('/c/sample');
      await waitForWorker(page);

      await startDownload(page, 'pinjaman');
      const refusal = page.locator('li[data-lesson-id="pinjaman"] [role="alert"]');
      await refusal.waitFor();
      // 0.6 MB would fit in 3 MB, but not with the 5 MB kept free for progress and the outbox.
      expect(await refusal.textContent()).toMatch(/^Ruang tidak cukup: perlu .+, tersisa .+\./);
      expect(await page.getAttribute('li[data-lesson-id="pinjaman"]', 'data-download-state')).toBe(
        'none',
      );

      await page.click('[data-action="download-all"]');
      const courseRefusal = page.locator('[data-downloads-view] > [role="alert"]');
      await courseRefusal.waitFor();
      expect(await courseRefusal.textContent()).toContain('Ruang tidak cukup');
      expect(await page.locator('li[data-download-state="queued"]').count()).toBe(0);
      expect(fetched.filter((url) => !url.includes('pengantar'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('space running out halfway removes the partial download, says so, and keeps progress and the outbox', async () => {
    // Room for the page's own data and about half of lesson 4's 0.6 MB video; the estimate
    // still says gigabytes, so the download starts.
    const { context, page } = await launchWithQuota(350_000);
    try {
      // The events wait in the outbox: the signal to the API is gone, the course files still come.
      await page.route('**/api/v1/events', (route) => route.abort('internetdisconnected'));
      const course = new CoursePage(page, baseUrl);
      await course.open('/c/sample');
      await course.playUntilFrontier(2);
      await course.pause();
      const before = await learnerRecords(page);
      expect(before.pending.length).toBeGreaterThan(0);

      await startDownload(page, 'pinjaman');
      await waitForDownloadState(page, 'pinjaman', 'error', 60_000);
      expect(await page.textContent('li[data-lesson-id="pinjaman"] [role="alert"]')).toContain(
        'Ruang penyimpanan habis di tengah unduhan',
      );
      expect(await mediaStoreRows(page)).toEqual({ files: 0, chunks: 0 });
      const after = await learnerRecords(page);
      expect(after.frontiers).toEqual(before.frontiers);
      expect(after.pending).toEqual(expect.arrayContaining(before.pending));

      // Nothing else was lost: the page goes on storing, and the outbox is delivered once the
      // signal is back.
      await course.playUntilFrontier((before.frontiers.pengantar ?? 0) + 1);
      await course.pause();
      expect((await learnerRecords(page)).pending.length).toBeGreaterThan(before.pending.length);
      await page.unroute('**/api/v1/events');
      await course.waitForSyncState('synced', 90_000);
      expect((await learnerRecords(page)).pending).toEqual([]);
      const credited = await course.serverProgress();
      expect(credited.pengantar?.coverage ?? 0).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 150_000);

  it('downloads the whole course with "Unduh semua" when it fits', async () => {
    const { context, page, course } = await openSampleWithWorker(baseUrl);
    try {
      const lessons = await page.$$eval('li[data-lesson-id]', (items) =>
        items.map((item) => item.getAttribute('data-lesson-id') ?? ''),
      );
      await page.click('[data-action="download-all"]');
      for (const lessonId of lessons)
        await waitForDownloadState(page, lessonId, 'complete', 120_000);
      const stored = await page.$$eval('[data-stored-lesson]', (items) =>
        items.map((item) => item.getAttribute('data-stored-lesson')),
      );
      expect(stored.sort()).toEqual([...lessons].sort());
      // Downloading unlocked nothing.
      const states = await course.states();
      expect(Object.values(states).filter((state) => state === 'locked').length).toBe(
        lessons.length - 1,
      );
    } finally {
      await context.close();
    }
  }, 180_000);
});
