import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM } from '../../src/qa/browser-session.ts';
import { CHROMIUM_ARGS, launchChromium } from './support/chromium.ts';
import { EmbedPage } from './support/embed-page.ts';
import { startEmbedWorld, type EmbedWorld } from './support/embed-world.ts';
import { miniCourseStatic } from './support/mini-course.ts';

let world: EmbedWorld;
beforeAll(async () => {
  world = await startEmbedWorld(miniCourseStatic());
});
afterAll(() => world?.stop());

const storedProgress = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('runtut');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise((resolve) => {
    const all = db.transaction('progress').objectStore('progress').getAll();
    all.onsuccess = () => resolve(all.result);
  });
  db.close();
  return rows.map((row) => ({ lessonId: row.lessonId, completedAt: row.completedAt }));
})()`;

describe('the embedded player with partitioned storage', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("keeps progress in the frame's partition, resumes from it, and completes a whole course", async () => {
    const context = await browser.newContext();
    const host = new EmbedPage(await context.newPage());
    await host.open(`${world.provider.url}/?participant=mini-1&course=mini`);
    await host.waitForEvent('ready', 60_000);
    await host.play();
    await host.waitForEvent('lessoncompleted');
    expect(await host.call('openLesson', 'dua')).toEqual({ lessonId: 'dua' });
    await host.play();
    const done = await host.waitForEvent('coursecompleted');
    expect(done.data).toMatchObject({ courseId: 'mini' });
    const completed = (await host.events()).filter((e) => e.name === 'lessoncompleted');
    expect(completed.map((e) => e.data.lessonId)).toEqual(['satu', 'dua']);

    const frame = await host.frame();
    expect(await frame.$('.storage-warning')).toBeNull();
    expect(await frame.evaluate(storedProgress)).toEqual(
      expect.arrayContaining([expect.objectContaining({ lessonId: 'satu' })]),
    );
    // The same origin at the top level is another partition: it sees none of the frame's data.
    const top = await context.newPage();
    await top.goto(`${world.runtut.baseUrl}/embed.js`);
    const names = await top.evaluate(`indexedDB.databases().then((d) => d.map((x) => x.name))`);
    expect(names).not.toContain('runtut');
    await top.close();

    await host.page.reload();
    const again = await host.waitForEvent('ready', 60_000);
    expect(again.data.lessonId).toBe('dua');
    const progress = (await host.call('getProgress')) as { courseCompleted: boolean };
    expect(progress.courseCompleted).toBe(true);
    await context.close();
  });
});

describe('the embedded player where the browser refuses storage to the frame', () => {
  let browser: Browser;
  beforeAll(async () => {
    // Playwright's own defaults turn partitioning off: Chromium then refuses a cross-site frame
    // IndexedDB and Web Locks altogether, as with blocked third-party storage.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--disable-features=')),
    });
  });
  afterAll(() => browser?.close());

  it('still enforces the order, says progress is saved only while online, and syncs from memory', async () => {
    const host = new EmbedPage(await browser.newPage());
    await host.open(`${world.provider.url}/?participant=blocked-1&course=mini`);
    await host.waitForEvent('ready', 60_000);
    const frame = await host.frame();
    expect(await frame.evaluate(storedProgress).catch((e: Error) => e.message)).toMatch(/denied/);
    expect(await frame.getAttribute('.storage-warning', 'data-storage-health')).toBe('unavailable');
    expect(await frame.textContent('.storage-warning')).toContain('selama Anda online');
    expect((await host.events()).map((e) => e.data.code)).toContain('storage-unavailable');
    expect(await host.call('openLesson', 'dua')).toEqual({ refused: 'lesson-locked' });
    await host.play();
    const completed = await host.waitForEvent('lessoncompleted');
    expect(completed.data).toMatchObject({ courseId: 'mini', lessonId: 'satu' });
  });
});
