import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launchPersistentChromium } from '../support/chromium.ts';
import { CuttableProxy } from '../support/cuttable-proxy.ts';
import {
  openSampleWithWorker,
  startDownload,
  waitForDownloadState,
  waitForWorker,
} from '../support/downloads-page.ts';
import { countPageBytes, recordNetworkMedia } from '../support/network-bytes.ts';
import { RestartableServer } from '../support/restartable-server.ts';

const baseUrl = inject('baseUrl');
/** The size the sample manifest states for lesson 4's video (the sample is rebuilt now and then). */
const PINJAMAN_BYTES = lessonVideoBytes('pinjaman');
/** Bytes a second the proxy lets through, so a download can be caught halfway. */
const SLOW = 150_000;

function lessonVideoBytes(lessonId: string): number {
  const manifest = JSON.parse(readFileSync('dist/courses/sample/course.json', 'utf8')) as {
    lessons: { id: string; sources: { bytes: number }[] }[];
  };
  const bytes = manifest.lessons.find((lesson) => lesson.id === lessonId)?.sources[0]?.bytes;
  if (!bytes) throw new Error(`the sample manifest states no size for ${lessonId}`);
  return bytes;
}

async function waitForProgress(page: Page, lessonId: string, share: number): Promise<void> {
  await page.waitForFunction(
    ([id, min]) =>
      Number(
        document
          .querySelector(`li[data-lesson-id="${id}"]`)
          ?.getAttribute('data-download-progress'),
      ) >= Number(min),
    [lessonId, share] as const,
    { timeout: 30_000 },
  );
}

interface StoredFileRecord {
  url: string;
  staging: number;
  complete: boolean;
}

/** The media store's file records, as the page's IndexedDB holds them. */
function storedFiles(page: Page): Promise<StoredFileRecord[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('runtut-media');
      open.onsuccess = () => resolve(open.result);
    });
    const files = await new Promise<StoredFileRecord[]>((resolve) => {
      const request = db.transaction('files').objectStore('files').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return files;
  });
}

/** Partial (staging) files in the media store whose URL ends with `suffix`. */
async function stagingFiles(page: Page, suffix: string): Promise<number> {
  const files = await storedFiles(page);
  return files.filter((file) => file.staging === 1 && file.url.endsWith(suffix)).length;
}

/** Whether the media store holds the file whose URL ends with `suffix` whole. */
async function isStoredWhole(page: Page, suffix: string): Promise<boolean> {
  const files = await storedFiles(page);
  return files.some((file) => file.url.endsWith(suffix) && file.complete);
}

describe('downloads that survive the network and refuse bad files; what was watched is kept', () => {
  it('resumes a download cut halfway, after the tab was closed, fetching at most 1.1× the file', async () => {
    const proxy = await CuttableProxy.start(Number(new URL(baseUrl).port), SLOW);
    const { context } = await launchPersistentChromium();
    try {
      let page = await context.newPage();
      const before = await countPageBytes(page, /pinjaman\.mp4/);
      await page.goto(`${proxy.baseUrl}/c/sample`);
      await waitForWorker(page);
      await startDownload(page, 'pinjaman');
      await waitForProgress(page, 'pinjaman', 0.4);
      proxy.cutSignal();
      await waitForDownloadState(page, 'pinjaman', 'paused');
      const firstTry = before.total();
      await page.close();

      proxy.restoreSignal();
      page = await context.newPage();
      const after = await countPageBytes(page, /pinjaman\.mp4/);
      await page.goto(`${proxy.baseUrl}/c/sample`);
      await waitForDownloadState(page, 'pinjaman', 'complete', 60_000);
      const total = firstTry + after.total();
      const figures = `first try ${firstTry} B, after reopening ${after.total()} B`;
      console.log(`download cut at 40%, tab closed and reopened: ${figures}`);
      expect(firstTry, figures).toBeGreaterThan(0.3 * PINJAMAN_BYTES);
      expect(total, figures).toBeLessThanOrEqual(1.1 * PINJAMAN_BYTES);
    } finally {
      await context.close();
      await proxy.close();
    }
  });

  it('a silent loss (connection open, nothing arriving) pauses the download, which resumes by itself', async () => {
    const proxy = await CuttableProxy.start(Number(new URL(baseUrl).port), SLOW);
    const { context } = await launchPersistentChromium();
    try {
      const page = await context.newPage();
      const bytes = await countPageBytes(page, /pinjaman\.mp4/);
      await page.goto(`${proxy.baseUrl}/c/sample`);
      await waitForWorker(page);
      await startDownload(page, 'pinjaman');
      await waitForProgress(page, 'pinjaman', 0.4);
      proxy.silenceSignal();
      expect(await page.evaluate(() => navigator.onLine)).toBe(true);
      // Nothing closes: only the download's own watchdog (STALL_MS, 20 s) can notice.
      await waitForDownloadState(page, 'pinjaman', 'paused', 40_000);
      proxy.restoreSignal();
      await waitForDownloadState(page, 'pinjaman', 'complete', 60_000);
      const figures = `${bytes.total()} B fetched for a ${PINJAMAN_BYTES} B file`;
      console.log(`download through a 20 s silent loss: ${figures}`);
      expect(bytes.total(), figures).toBeLessThanOrEqual(1.1 * PINJAMAN_BYTES);
    } finally {
      await context.close();
      await proxy.close();
    }
  }, 150_000);

  it('refuses a file altered on the server after its manifest was written, naming it', async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'runtut-altered-'));
    cpSync('dist', staticDir, { recursive: true });
    const media = join(staticDir, 'courses/sample/media/anggaran.mp4');
    const bytes = readFileSync(media);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(media, bytes);
    // Course folders are served from COURSES_DIR (the published copy), so alter it there.
    const server = await RestartableServer.create({
      STATIC_DIR: staticDir,
      COURSES_DIR: join(staticDir, 'courses'),
    });
    const { context } = await launchPersistentChromium();
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('anggaran.mp4')) fetched.push(request.url());
      });
      await page.goto(`${server.baseUrl}/c/sample`);
      await waitForWorker(page);
      await startDownload(page, 'anggaran');
      await waitForDownloadState(page, 'anggaran', 'error');
      const alert = await page.textContent('li[data-lesson-id="anggaran"] [role="alert"]');
      expect(alert).toContain('media/anggaran.mp4');
      expect(alert).toContain('SHA-256');
      // Discarded and fetched once more, then refused.
      expect(fetched).toHaveLength(2);
      expect(await stagingFiles(page, 'anggaran.mp4')).toBe(0);
    } finally {
      await context.close();
      await server.dispose();
      rmSync(staticDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('re-watches a watched part after a reload with no media bytes from the network', async () => {
    const { context, page, course } = await openSampleWithWorker(baseUrl);
    try {
      // A first visit is taken over by the worker mid-life, and such a page's media is passed on
      // untouched, never kept (src/offline/sw/born-controlled-pages.ts): watch in a page the
      // worker controls from its start, as on every visit after the first.
      await page.reload();
      await course.play();
      await page.waitForFunction(
        () =>
          Number(document.querySelector<HTMLElement>('.player-container')?.dataset.frontier) >= 3,
        undefined,
        { timeout: 60_000 },
      );
      await course.pause();
      // What playback fetched is kept whole (the browser read the short file to its end).
      await expect
        .poll(() => isStoredWhole(page, 'pengantar.mp4'), { timeout: 20_000, interval: 250 })
        .toBe(true);
      const network = recordNetworkMedia(context, /pengantar\.mp4/);
      await page.reload();
      await course.waitForPlayer();
      await page.evaluate(() => {
        const video = document.querySelector('video');
        if (video) video.currentTime = 0;
      });
      await course.play();
      await page.waitForFunction(
        () => Number(document.querySelector('video')?.currentTime) >= 2.5,
        undefined,
        { timeout: 45_000 },
      );
      await course.pause();
      expect(network).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
