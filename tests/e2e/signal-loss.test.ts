import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLessonComplete } from '../../src/domain/completion.ts';
import { coveredSeconds, type Segment } from '../../src/domain/played-segments.ts';
import { startHarnessServer, type HarnessServer } from './harness/harness-server.ts';
import { PlayerPage } from './harness/player-page.ts';
import { launchChromium } from './support/chromium.ts';
import {
  readWatch,
  waitUntilPlayingPast,
  waitUntilStarved,
  watchPlayback,
} from './support/signal-control.ts';
import { startSignalProxy, type SignalProxy } from './support/signal-proxy.ts';

/**
 * Lost signal in the middle of a lesson, in real Chromium, through a TCP proxy that throttles
 * the link to a little above the lesson's bitrate, so the forward buffer stays short and a cut
 * really starves the picture (each test checks that it did: otherwise it would prove nothing).
 */
const LESSONS = {
  mp4: { id: 'anggaran', duration: 12, kbps: 240 },
  hls: { id: 'tabungan', duration: 30, kbps: 230 },
} as const;
/**
 * Playback must go on by itself within this long after the signal returns. Alone it takes 2–6 s
 * (a probe, then for HLS the playlists and a segment on the throttled link); the bound leaves
 * room for a machine busy with the other browser lanes of `npm test`.
 */
const RESUME_MS = 20_000;

let server: HarnessServer;
let browser: Browser;
let proxy: SignalProxy;

beforeAll(async () => {
  [server, browser] = await Promise.all([startHarnessServer(), launchChromium()]);
  proxy = await startSignalProxy(server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.stop();
});

/** Opens the lesson through the proxy, its media on a link a little faster than the lesson. */
async function openLesson(lesson: { id: string; kbps: number }): Promise<Page> {
  proxy.restore();
  proxy.throttle(lesson.kbps);
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const player = new PlayerPage(await context.newPage(), proxy.url);
  await player.open({ lesson: lesson.id });
  await watchPlayback(player.page, '#player');
  return player.page;
}

const frontierOf = (page: Page) =>
  page.evaluate(() => Number(document.getElementById('player')?.dataset.frontier));

async function playUntilFrontier(page: Page, seconds: number, timeoutMs = 60_000): Promise<void> {
  await page.evaluate(() => void document.querySelector('video')?.play());
  await page.waitForFunction(
    (min) => Number(document.getElementById('player')?.dataset.frontier) >= min,
    seconds,
    { timeout: timeoutMs, polling: 100 },
  );
}

async function clearStarved(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __watch: { starved: boolean } };
    w.__watch.starved = false;
  });
}

/** What was buffered before the cut plays out within this long on the throttled link. */
const BUFFER_PLAYS_OUT_MS = 30_000;

/**
 * Cuts the signal, waits until the buffered part has played out and the picture starved, keeps
 * it starved for `ms`, and checks that it goes on by itself. The outage counts from the stall:
 * how much was buffered at the cut depends on how busy the machine was.
 */
async function survivesCut(
  page: Page,
  ms: number,
  cut: () => Promise<void>,
  restore: () => Promise<void>,
  expectedState: 'offline' | 'waiting',
): Promise<void> {
  // A stall before the cut (start-up on the slow link) must not count as this cut's.
  await clearStarved(page);
  await cut();
  await waitUntilStarved(page, BUFFER_PLAYS_OUT_MS);
  const cutAt = Date.now();
  await page.waitForSelector(`#player[data-network-state="${expectedState}"]`, {
    timeout: Math.max(1000, ms - (Date.now() - cutAt)),
  });
  const notice = page.locator('#player .runtut-signal-wait[data-kind="waiting"]');
  await notice.waitFor({ timeout: 2000 });
  expect(await notice.innerText()).toMatch(/Menunggu sinyal/);
  const stoppedAt = (await readWatch(page, '#player')).position;
  await page.waitForTimeout(Math.max(0, ms - (Date.now() - cutAt)));
  const during = await readWatch(page, '#player');
  expect(during.errorShown, 'no error is shown for a lost signal').toBe(false);
  // Nothing played while there was no data beyond what was buffered.
  expect(during.position).toBeLessThanOrEqual(stoppedAt + 0.5);
  await clearStarved(page);
  const restoredAt = Date.now();
  await restore();
  await waitUntilPlayingPast(page, during.position, RESUME_MS);
  const resumedMs = Date.now() - restoredAt;
  console.log(`signal back after ${(ms / 1000).toFixed(0)} s: playing again in ${resumedMs} ms`);
  const after = await readWatch(page, '#player');
  expect(after.networkState).toBe('ok');
  // Went on from the same place: no jump forward, no restart from 0.
  expect(after.position).toBeGreaterThanOrEqual(during.position - 0.5);
  expect(after.position).toBeLessThanOrEqual(during.position + resumedMs / 1000 + 0.5);
}

async function expectCompletedHonestly(page: Page, duration: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const video = document.querySelector('video');
      return video?.ended === true;
    },
    undefined,
    { timeout: (duration + 30) * 1000, polling: 200 },
  );
  const segments = await page.evaluate(
    () => window.__harness.progress.at(-1)?.segments ?? ([] as Segment[]),
  );
  // Credit equals what was played: the lesson once, start to end, with no gap and no extra.
  expect(isLessonComplete(segments, { durationSeconds: duration })).toBe(true);
  expect(coveredSeconds(segments, duration)).toBeLessThanOrEqual(duration + 0.01);
  const watch = await readWatch(page, '#player');
  expect(watch.maxLead, 'never played past the frontier').toBeLessThanOrEqual(1);
  expect(await frontierOf(page)).toBeGreaterThanOrEqual(duration - 1);
  expect(await page.evaluate(() => window.__harness.errors)).toEqual([]);
}

describe('playback that survives the signal (navigator.onLine flips)', () => {
  for (const [format, lesson] of Object.entries(LESSONS)) {
    it(`${format}: goes on by itself after a 5 s and a 60 s cut, and completes`, async () => {
      const page = await openLesson(lesson);
      await playUntilFrontier(page, 2);
      // The browser learns it is offline and the connections drop (Chromium's offline
      // emulation alone fails new requests only: a response already flowing would go on).
      const offline = async () => {
        proxy.cut();
        await page.context().setOffline(true);
      };
      const back = async () => {
        await page.context().setOffline(false);
        proxy.restore();
      };
      await survivesCut(page, 5_000, offline, back, 'offline');
      await playUntilFrontier(page, Math.min(6, lesson.duration / 2));
      await survivesCut(page, 60_000, offline, back, 'offline');
      await expectCompletedHonestly(page, lesson.duration);
      await page.context().close();
    }, 180_000);
  }
});

describe('playback that survives a silent loss (onLine stays true)', () => {
  for (const [format, lesson] of Object.entries(LESSONS)) {
    it(`${format}: a link that goes silent for 20 s, then works again`, async () => {
      const page = await openLesson(lesson);
      await playUntilFrontier(page, 2);
      await survivesCut(
        page,
        20_000,
        async () => proxy.blackHole(),
        async () => proxy.restore(),
        'waiting',
      );
      expect(await page.evaluate(() => navigator.onLine)).toBe(true);
      await expectCompletedHonestly(page, lesson.duration);
      await page.context().close();
    }, 120_000);
  }
});
