import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

async function freshParticipant(): Promise<{ context: BrowserContext; course: CoursePage }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const course = new CoursePage(await context.newPage(), baseUrl);
  return { context, course };
}

describe('strict lesson order for a new participant', () => {
  let context: BrowserContext;
  let course: CoursePage;
  beforeAll(async () => {
    ({ context, course } = await freshParticipant());
    await course.open('/c/sample');
  });
  afterAll(() => context.close());

  it('opens the first lesson and shows every other lesson locked', async () => {
    expect(await course.page.getAttribute('[data-course-id]', 'data-course-id')).toBe('sample');
    expect(await course.states()).toEqual({
      pengantar: 'available',
      anggaran: 'locked',
      tabungan: 'locked',
      pinjaman: 'locked',
      penutup: 'locked',
      rencana: 'locked',
    });
    await course.waitForCurrentLesson('pengantar');
    // The player library arrives after the first screen: wait for it, then count.
    await course.waitForPlayer();
    expect(await course.page.locator('video').count()).toBe(1);
  });

  it('refuses a locked lesson by outline click', async () => {
    await course.page.click('li[data-lesson-id="tabungan"] .outline-entry');
    await course.page.waitForTimeout(300);
    expect(await course.currentLessonId()).toBe('pengantar');
    expect(course.page.url()).toMatch(/\/c\/sample\/pengantar$/);
  });

  it('gives locked lessons no link to follow by keyboard', async () => {
    expect(await course.page.locator('li[data-lesson-state="locked"] a').count()).toBe(0);
    const focusable = await course.page.$$eval('li[data-lesson-id] a', (links) =>
      links.map((a) => a.closest('li')?.getAttribute('data-lesson-id')),
    );
    expect(focusable).toEqual(['pengantar']);
  });

  it('refuses a locked lesson by URL and says why', async () => {
    await course.open('/c/sample/pinjaman');
    await course.waitForCurrentLesson('pengantar');
    expect(course.page.url()).toMatch(/\/c\/sample\/pengantar$/);
    expect(await course.notice()).toBe('lockedRedirect');
  });

  it('refuses a locked lesson reached through history', async () => {
    await course.page.evaluate(() => {
      window.history.pushState({}, '', '/c/sample/penutup');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await course.page.waitForURL(/\/c\/sample\/pengantar$/);
    expect(await course.currentLessonId()).toBe('pengantar');
  });

  it('does not complete a lesson on a fake ended event or a partial play', async () => {
    await course.playUntilFrontier(3);
    await course.page.evaluate(() =>
      document.querySelector('video')?.dispatchEvent(new Event('ended')),
    );
    await course.page.waitForTimeout(300);
    expect(await course.lessonState('pengantar')).toBe('available');
    expect(await course.lessonState('anggaran')).toBe('locked');
  });

  it('completes the lesson only after it was really played, then unlocks the next', async () => {
    await course.waitForLessonState('pengantar', 'completed', 20_000);
    expect(await course.frontier()).toBeGreaterThanOrEqual(7.8);
    expect(await course.lessonState('anggaran')).toBe('available');
    expect(await course.lessonState('tabungan')).toBe('locked');
    await course.page.click('.next-lesson');
    await course.waitForCurrentLesson('anggaran');
    expect(course.page.url()).toMatch(/\/c\/sample\/anggaran$/);
  });

  it('lets history go back to a completed lesson', async () => {
    await course.page.goBack();
    await course.waitForCurrentLesson('pengantar');
    await course.page.goForward();
    await course.waitForCurrentLesson('anggaran');
  });
});

describe('a light first load', () => {
  it('shows the outline before the player library has arrived', async () => {
    const { context, course } = await freshParticipant();
    const held: (() => void)[] = [];
    await context.route(/\/assets\/create-lesson-player-[^/]+\.js$/, (route) => {
      held.push(() => void route.continue());
    });
    await course.open('/c/sample');
    expect(await course.lessonState('pengantar')).toBe('available');
    expect(await course.page.locator('.player-loading').first().isVisible()).toBe(true);
    expect(await course.page.locator('video').count()).toBe(0);
    expect(held.length).toBe(1);
    held.forEach((release) => release());
    await course.waitForPlayer();
    expect(await course.page.locator('video').count()).toBe(1);
    await context.close();
  });
});

describe('the course manifest', () => {
  it('explains a broken manifest field by field, in Indonesian and English', async () => {
    const { context, course } = await freshParticipant();
    await course.page.goto(`${baseUrl}/c/broken`);
    const alert = course.page.locator('.manifest-error');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Kursus tidak dapat dibuka');
    expect(text).toContain('The course cannot be opened');
    const sources = await course.page.locator('li[data-field="lessons[1].sources"]').innerText();
    expect(sources).toContain('wajib diisi');
    expect(sources).toContain('is required but missing');
    expect(text).toContain('schemaVersion');
    await context.close();
  });

  it('says plainly when a course does not exist', async () => {
    const { context, course } = await freshParticipant();
    await course.page.goto(`${baseUrl}/c/tidak-ada`);
    const text = await course.page.locator('.manifest-error').innerText();
    expect(text).toContain('Kursus tidak ditemukan');
    expect(text).toContain('Course not found');
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches the skip link and the named play button by Tab, and plays with Enter', async () => {
    const { context, course } = await freshParticipant();
    await course.open('/c/sample');
    await course.waitForPlayer();
    await course.page.keyboard.press('Tab');
    expect(await course.page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    let reached = '';
    for (let i = 0; i < 15 && !reached; i += 1) {
      await course.page.keyboard.press('Tab');
      reached = await course.page.evaluate(() => {
        const active = document.activeElement;
        const named = active?.getAttribute('aria-label') ?? active?.textContent ?? '';
        return active?.matches('.vjs-big-play-button, .vjs-play-control') ? named.trim() : '';
      });
    }
    expect(reached).toMatch(/Putar/);
    await course.page.keyboard.press('Enter');
    await course.page.waitForFunction(() => document.querySelector('video')?.paused === false);
    await context.close();
  });
});

describe('a provider launch link', () => {
  it('says plainly that a broken launch link cannot send progress, and keeps the rules', async () => {
    const { context, course } = await freshParticipant();
    await course.open('/c/sample?launch=not-a-token');
    await course.page.waitForSelector('.notice-bar[data-notice="launchInvalid"]');
    await course.page.waitForTimeout(4500);
    expect(await course.notice()).toBe('launchInvalid');
    expect(await course.lessonState('anggaran')).toBe('locked');
    await context.close();
  });
});

describe('language', () => {
  it('speaks Indonesian by default and switches to English, remembering the choice', async () => {
    const { context, course } = await freshParticipant();
    await course.open('/c/sample');
    expect(await course.page.getAttribute('html', 'lang')).toBe('id');
    expect(await course.page.locator('#outline-heading').innerText()).toBe('Daftar pelajaran');
    await course.page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    expect(await course.page.locator('#outline-heading').innerText()).toBe('Lessons');
    expect(await course.page.getAttribute('html', 'lang')).toBe('en');
    await course.page.reload();
    await course.page.waitForSelector('[data-lesson-state]');
    expect(await course.page.locator('#outline-heading').innerText()).toBe('Lessons');
    await context.close();
  });
});
