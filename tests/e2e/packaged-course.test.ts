import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCourseSources, runtut } from '../cli/support/packaged-course.ts';
import { launchChromium } from './support/chromium.ts';
import { CoursePage } from './support/course-page.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

/**
 * A provider's course end to end: a video made by ffmpeg here, packaged and validated by the
 * real CLI, served by the real server (its own static root and COURSES_DIR), played through in
 * Chromium, starting on the 240p rung.
 */
let work: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const sources = await makeCourseSources(6);
  work = sources.dir;
  const staticDir = join(work, 'static');
  const course = join(staticDir, 'courses', 'uji-paket');
  cpSync('dist', staticDir, {
    recursive: true,
    filter: (path) => !/dist\/courses(\/|$)/.test(path),
  });
  const packaged = await runtut(['course', 'package', sources.courseFile, '--out', course]);
  if (packaged.code !== 0) throw new Error(`package failed: ${packaged.stderr}`);
  const validated = await runtut(['course', 'validate', course]);
  if (validated.code !== 0) throw new Error(`validate failed: ${validated.stderr}`);
  server = await startServer({ STATIC_DIR: staticDir, COURSES_DIR: join(staticDir, 'courses') });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a course made by runtut course package', () => {
  it('plays through in Chromium, starting on 240p, and completes the lesson', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const course = new CoursePage(await context.newPage(), server.baseUrl);
    await course.open('/c/uji-paket');
    await course.waitForCurrentLesson('satu');
    await course.play();
    await course.page.waitForFunction(
      () => (document.querySelector('video')?.videoHeight ?? 0) > 0,
    );
    const start = await course.page.evaluate(() => ({
      height: document.querySelector('video')!.videoHeight,
      src: document.querySelector('video')!.currentSrc,
      segments: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.ts')),
    }));
    expect(start.src).toMatch(/^blob:/);
    expect(start.height).toBe(240);
    expect(start.segments[0]).toBe('/courses/uji-paket/media/satu/240p/seg-000.ts');
    await course.waitForLessonState('satu', 'completed', 30_000);
    await context.close();
  });
});
