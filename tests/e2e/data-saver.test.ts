import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarnessServer, type HarnessServer } from './harness/harness-server.ts';
import { PlayerPage } from './harness/player-page.ts';
import { launchChromium } from './support/chromium.ts';
import { CoursePage } from './support/course-page.ts';

const baseUrl = inject('baseUrl');
const SAMPLE = 'public/courses/sample';
let harness: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startHarnessServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

const quality = (page: Page) =>
  page.evaluate(() => document.getElementById('player')?.dataset.quality);

/** Plays until `seconds` of the lesson were watched, then says which heights were shown. */
async function heightsWhilePlaying(page: Page, seconds: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __heights: Set<number> };
    w.__heights = new Set();
    const video = document.querySelector('video');
    setInterval(() => {
      if (video && video.videoHeight > 0) w.__heights.add(video.videoHeight);
    }, 100);
    void video?.play();
  });
  await page.waitForFunction(
    (min) => Number(document.getElementById('player')?.dataset.frontier) >= min,
    seconds,
    { timeout: (seconds + 20) * 1000 },
  );
  return page.evaluate(() => [...(window as unknown as { __heights: Set<number> }).__heights]);
}

/**
 * Moves the mouse over the playing video, as a participant does, until video.js shows its
 * controls (it checks for activity every 250 ms; until then the bar takes no clicks).
 */
async function showControls(page: Page): Promise<void> {
  const box = await page.locator('.video-js').boundingBox();
  if (!box) throw new Error('no player on the page');
  let step = 0;
  await expect
    .poll(async () => {
      step += 1;
      await page.mouse.move(box.x + box.width / 2 + (step % 2) * 8, box.y + box.height / 2);
      return page.locator('.video-js.vjs-user-active').count();
    })
    .toBe(1);
}

describe('data saver in the player', () => {
  it('plays HLS on 240p and stays there in data saver', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const player = new PlayerPage(await context.newPage(), harness.baseUrl);
    await player.open({ lesson: 'tabungan' });
    // A fast loopback link and a large player: without data saver VHS climbs to 360p at once.
    expect(await heightsWhilePlaying(player.page, 8)).toEqual([240]);
    expect(await quality(player.page)).toBe('240');
    // The quality menu is named for screen readers and offers the other rung.
    await showControls(player.page);
    await player.page.getByRole('button', { name: 'Kualitas video: 240p' }).click();
    expect(await player.page.getByRole('menuitemradio', { name: /^360p/ }).count()).toBe(1);
    await context.close();
  }, 90_000);

  it('a higher choice is played and kept across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const player = new PlayerPage(await context.newPage(), harness.baseUrl);
    await player.open({ lesson: 'tabungan' });
    await heightsWhilePlaying(player.page, 2);
    await showControls(player.page);
    await player.page.getByRole('button', { name: 'Kualitas video: 240p' }).click();
    await player.page.getByRole('menuitemradio', { name: /^360p/ }).click();
    await player.page.waitForFunction(
      () => document.getElementById('player')?.dataset.quality === '360',
      undefined,
      { timeout: 15_000 },
    );
    expect(await player.page.evaluate(() => localStorage.getItem('runtut.quality'))).toBe('360');
    await player.page.reload();
    await player.page.waitForFunction(() => window.__harness?.ready);
    await player.page.evaluate(() => void document.querySelector('video')?.play());
    await player.page.waitForFunction(
      () => document.getElementById('player')?.dataset.quality === '360',
      undefined,
      { timeout: 15_000 },
    );
    // The menu names the kept choice (its rungs come from the HLS playlist, once it is read).
    await player.page
      .getByRole('button', { name: 'Kualitas video: 360p' })
      .waitFor({ state: 'attached' });
    await context.close();
  }, 90_000);
});

/** The sample manifest with the facts `runtut course package` writes, measured from disk. */
function manifestWithFacts(): unknown {
  const manifest = JSON.parse(readFileSync(join(SAMPLE, 'course.json'), 'utf8')) as {
    lessons: { sources: { src: string; type: string; [key: string]: unknown }[] }[];
  };
  const size = (path: string) => statSync(join(SAMPLE, path)).size;
  const rungBytes = (dir: string) =>
    readdirSync(join(SAMPLE, dir)).reduce((sum, name) => sum + size(join(dir, name)), 0);
  for (const lesson of manifest.lessons) {
    for (const source of lesson.sources) {
      if (source.type === 'video/mp4')
        Object.assign(source, { bytes: size(source.src), height: 360 });
      else {
        const dir = source.src.replace(/\/master\.m3u8$/, '');
        source.renditions = [240, 360].map((height) => ({
          height,
          bytes: rungBytes(`${dir}/${height}p`),
        }));
      }
    }
  }
  return manifest;
}

describe('lesson sizes in the outline', () => {
  it('shows each lesson at the chosen quality and carries data-lesson-bytes', async () => {
    const manifest = manifestWithFacts() as {
      lessons: { id: string; sources: { bytes?: number; renditions?: { bytes: number }[] }[] }[];
    };
    const expected = (rung: 0 | 1) =>
      Object.fromEntries(
        manifest.lessons.map((lesson) => {
          const [first] = lesson.sources;
          return [lesson.id, String(first?.renditions?.[rung]?.bytes ?? first?.bytes)];
        }),
      );
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/courses/sample/course.json', (route) =>
      route.fulfill({ json: manifest }),
    );
    const course = new CoursePage(await context.newPage(), baseUrl);
    await course.open('/c/sample');
    const bytes = () =>
      course.page.$$eval('li[data-lesson-id]', (items) =>
        Object.fromEntries(
          items.map((li) => [li.dataset.lessonId, li.getAttribute('data-lesson-bytes')]),
        ),
      );
    expect(await bytes()).toEqual(expected(0));
    expect(await course.page.locator('li[data-lesson-id="tabungan"]').innerText()).toMatch(
      /± \d+(,\d)? kB/,
    );
    await course.page.evaluate(() => localStorage.setItem('runtut.quality', '360'));
    await course.page.reload();
    await course.page.waitForSelector('[data-lesson-state]');
    expect(await bytes()).toEqual(expected(1));
    await context.close();
  });
});
