import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wcagViolations } from './support/axe.ts';
import { launchChromium } from './support/chromium.ts';
import { CoursePage } from './support/course-page.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("the participant's course page, checked by axe-core (WCAG 2.1 A and AA)", () => {
  it.each([
    ['a phone, in Bahasa Indonesia', { width: 360, height: 740 }, 'id'],
    ['a desktop, in English', { width: 1280, height: 800 }, 'en'],
  ])(
    'has no violations on %s, with the player and the downloads UI in',
    async (_name, viewport, lang) => {
      const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
      const course = new CoursePage(await context.newPage(), baseUrl);
      await course.open(`/c/sample?lang=${lang}`);
      await course.waitForPlayer();
      await course.page.locator('[data-download-state]').first().waitFor();
      expect(await course.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await wcagViolations(course.page)).toEqual([]);
      await context.close();
    },
  );
});
