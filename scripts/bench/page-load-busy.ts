import type { Browser, Page } from 'playwright-core';
import { measureBusy, waitForSteadyPlayback } from './page-load-probe.ts';

/**
 * Lessons open in order: before measuring the 40 s lesson, this device's progress for the three
 * lessons before it is written straight into IndexedDB (as Dexie stores it), as if watched.
 */
/** Plain JS (a string: tsx would add helpers to a function that the page does not have). */
const SEED_EARLIER_LESSONS = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('runtut');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['meta', 'progress'], 'readwrite');
  const identity = await new Promise((resolve) => {
    const get = tx.objectStore('meta').get('identity');
    get.onsuccess = () => resolve(get.result.value);
  });
  const now = new Date().toISOString();
  for (const [lessonId, seconds] of [['pengantar', 8], ['anggaran', 12], ['tabungan', 30]]) {
    tx.objectStore('progress').put({
      participantId: identity.participantId, courseId: 'sample', lessonId,
      segments: [[0, seconds]], frontier: seconds, position: seconds,
      completedAt: now, updatedAt: now,
    });
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
})()`;

async function seedEarlierLessons(page: Page): Promise<void> {
  await page.evaluate(SEED_EARLIER_LESSONS);
}

async function play(page: Page): Promise<void> {
  await page.waitForSelector('video');
  await page.evaluate(`(() => {
    const big = document.querySelector('.vjs-big-play-button');
    if (big && document.querySelector('.video-js video')) big.click();
    else void document.querySelector('video').play();
  })()`);
  await waitForSteadyPlayback(page);
}

/** Busy ms of Runtut over `seconds` of the sample's 40 s lesson. */
export async function busyRuntut(browser: Browser, baseUrl: string, seconds: number) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/c/sample`);
    await page.waitForSelector('[data-sync-state]');
    await page.waitForSelector('.video-js video');
    await seedEarlierLessons(page);
    await page.goto(`${baseUrl}/c/sample/pinjaman`);
    await page.waitForSelector('li[data-lesson-id="pinjaman"][aria-current="step"]');
    await page.waitForSelector('.video-js video');
    await play(page);
    const { busyMs, played } = await measureBusy(page, seconds);
    if (played < seconds * 0.8) throw new Error(`Runtut played only ${played.toFixed(1)} s`);
    return busyMs;
  } finally {
    await context.close();
  }
}

/** Busy ms of a reference page over `seconds` of the same 40 s file. */
export async function busyReference(browser: Browser, url: string, seconds: number) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await play(page);
    const { busyMs, played } = await measureBusy(page, seconds);
    if (played < seconds * 0.8) throw new Error(`${url} played only ${played.toFixed(1)} s`);
    return busyMs;
  } finally {
    await context.close();
  }
}
