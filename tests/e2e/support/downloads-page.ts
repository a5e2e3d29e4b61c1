import type { Page } from 'playwright-core';
import { launchPersistentChromium } from './chromium.ts';
import { CoursePage } from './course-page.ts';

/** The download contract of the outline: data-download-state / -progress and data-action buttons. */
export async function waitForDownloadState(
  page: Page,
  lessonId: string,
  state: string,
  timeout = 30_000,
): Promise<void> {
  await page.waitForSelector(`li[data-lesson-id="${lessonId}"][data-download-state="${state}"]`, {
    timeout,
  });
}

export async function startDownload(page: Page, lessonId: string): Promise<void> {
  await page.click(`li[data-lesson-id="${lessonId}"] [data-action="download"]`);
}

/** The service worker controls the page (it answers media from the store only then). */
export async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
    timeout: 30_000,
  });
}

/** A fresh browser profile on the sample course, once the service worker controls the page. */
export async function openSampleWithWorker(baseUrl: string) {
  const { context } = await launchPersistentChromium();
  const page = await context.newPage();
  const course = new CoursePage(page, baseUrl);
  await course.open('/c/sample');
  await waitForWorker(page);
  return { context, page, course };
}
