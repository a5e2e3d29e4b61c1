import type { Page } from 'playwright-core';

export type LessonStateName = 'locked' | 'available' | 'completed';

/**
 * Page object for the participant's page, reading only the documented QA contract:
 * data-course-id, data-lesson-id, data-lesson-state, aria-current, data-sync-state, and the
 * player container's data-frontier / data-position.
 */
export class CoursePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/c/sample'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.page.waitForSelector('[data-lesson-state]');
  }

  async waitForPlayer(): Promise<void> {
    await this.page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
  }

  lessonState(lessonId: string): Promise<string | null> {
    return this.page.getAttribute(`li[data-lesson-id="${lessonId}"]`, 'data-lesson-state');
  }

  async states(): Promise<Record<string, string>> {
    return this.page.$$eval('li[data-lesson-id]', (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.getAttribute('data-lesson-id'),
          li.getAttribute('data-lesson-state'),
        ]),
      ),
    );
  }

  currentLessonId(): Promise<string | null> {
    return this.page.getAttribute('li[aria-current="step"]', 'data-lesson-id');
  }

  async waitForCurrentLesson(lessonId: string): Promise<void> {
    await this.page.waitForSelector(`li[aria-current="step"][data-lesson-id="${lessonId}"]`);
  }

  async waitForLessonState(
    lessonId: string,
    state: LessonStateName,
    timeout = 30_000,
  ): Promise<void> {
    await this.page.waitForSelector(
      `li[data-lesson-id="${lessonId}"][data-lesson-state="${state}"]`,
      {
        timeout,
      },
    );
  }

  /** Starts playback as a participant does: the big play button, or the control bar's. */
  async play(): Promise<void> {
    await this.waitForPlayer();
    const big = this.page.locator('.vjs-big-play-button');
    if (await big.isVisible()) await big.click();
    else await this.page.locator('.vjs-play-control').click();
    await this.page.waitForFunction(() => document.querySelector('video')?.paused === false);
  }

  /**
   * Pauses from the keyboard: while playing, video.js hides its control bar from the pointer
   * until the participant moves, so a scripted click can land on the video instead.
   */
  async pause(): Promise<void> {
    await this.page.locator('.vjs-play-control').focus();
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(() => document.querySelector('video')?.paused === true);
  }

  async playUntilFrontier(seconds: number): Promise<void> {
    await this.play();
    await this.page.waitForFunction(
      (min) =>
        Number(document.querySelector<HTMLElement>('.player-container')?.dataset.frontier) >= min,
      seconds,
      { timeout: (seconds + 15) * 1000 },
    );
  }

  async frontier(): Promise<number> {
    return Number(await this.page.getAttribute('.player-container', 'data-frontier'));
  }

  async position(): Promise<number> {
    return this.page.evaluate(() => document.querySelector('video')?.currentTime ?? Number.NaN);
  }

  syncState(): Promise<string | null> {
    return this.page.getAttribute('[data-sync-state]', 'data-sync-state');
  }

  async waitForSyncState(state: string, timeout = 30_000): Promise<void> {
    await this.page.waitForSelector(`[data-sync-state="${state}"]`, { timeout });
  }

  notice(): Promise<string | null> {
    return this.page.getAttribute('.notice-bar', 'data-notice');
  }

  /** The participant's bearer token, as the page stored it. */
  token(): Promise<string> {
    return this.page.evaluate(async () => {
      const request = indexedDB.open('runtut');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const row = await new Promise<{ value: { token: string } } | undefined>((resolve) => {
        const get = db.transaction('meta').objectStore('meta').get('identity');
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      return row?.value.token ?? '';
    });
  }

  /** Waits until IndexedDB holds this lesson's progress at `position` (±0.5 s). */
  async waitForStoredPosition(lessonId: string, position: number, timeout = 1000): Promise<void> {
    await this.page.waitForFunction(
      async ([lesson, expected]) => {
        const request = indexedDB.open('runtut');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const rows = await new Promise<{ lessonId: string; position: number }[]>((resolve) => {
          const all = db.transaction('progress').objectStore('progress').getAll();
          all.onsuccess = () => resolve(all.result);
        });
        db.close();
        const row = rows.find((r) => r.lessonId === lesson);
        return row !== undefined && Math.abs(row.position - Number(expected)) <= 0.5;
      },
      [lessonId, position] as const,
      { timeout, polling: 50 },
    );
  }

  /** What the server recorded for this participant (GET /api/v1/progress). */
  async serverProgress(
    courseId = 'sample',
  ): Promise<Record<string, { completedAt: string | null; coverage: number }>> {
    const token = await this.token();
    const response = await fetch(`${this.baseUrl}/api/v1/progress?course=${courseId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as {
      lessons: { lessonId: string; completedAt: string | null; coverage: number }[];
    };
    return Object.fromEntries(body.lessons.map((l) => [l.lessonId, l]));
  }
}
