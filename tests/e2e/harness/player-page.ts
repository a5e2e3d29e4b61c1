import type { Page } from 'playwright-core';
import { HARNESS_PATH } from './harness-server.ts';
import type { HarnessSnapshot } from './player-harness.ts';

/** Page object for the player harness: what a participant can do, and what the player shows. */
export class PlayerPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(query: Record<string, string>): Promise<void> {
    await this.page.goto(`${this.baseUrl}${HARNESS_PATH}?${new URLSearchParams(query)}`);
    await this.page.waitForFunction(
      () => window.__harness?.ready || window.__harness?.errors.length,
    );
    const errors = await this.page.evaluate(() => window.__harness.errors);
    if (errors.length) throw new Error(`harness: ${JSON.stringify(errors)}`);
    await this.page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
  }

  snapshot(): Promise<HarnessSnapshot> {
    return this.page.evaluate(() => window.__harness.snapshot());
  }

  /** Milliseconds until the element is held at the frontier (Infinity past `limitMs`). */
  heldWithin(limitMs = 1000): Promise<number> {
    return this.page.evaluate((limit) => window.__harness.heldWithin(limit), limitMs);
  }

  async playUntilFrontier(seconds: number): Promise<void> {
    await this.page.evaluate(() => document.querySelector('video')?.play());
    await this.page.waitForFunction(
      (min) => Number(document.getElementById('player')?.dataset.frontier) >= min,
      seconds,
      { timeout: (seconds + 10) * 1000 },
    );
  }

  async pause(): Promise<void> {
    await this.page.evaluate(() => document.querySelector('video')?.pause());
    await this.page.waitForFunction(() => document.querySelector('video')?.paused);
  }

  /** The seek bar's box; the mouse is moved over the player first so its controls are active. */
  async seekBarPoint(share: number): Promise<{ x: number; y: number }> {
    const player = await this.page.locator('.video-js').boundingBox();
    if (player)
      await this.page.mouse.move(player.x + player.width / 2, player.y + player.height / 3);
    const box = await this.page.locator('.vjs-progress-holder').boundingBox();
    if (!box) throw new Error('no seek bar');
    return { x: box.x + box.width * share, y: box.y + box.height / 2 };
  }

  /** Media Session handler the player installed (captured by the harness), invoked as the OS would. */
  mediaSessionAction(action: string, details: Record<string, number> = {}): Promise<void> {
    return this.page.evaluate(
      ([name, extra]) => {
        const handler = window.__harness.mediaSession[name];
        if (!handler) throw new Error(`no media session handler for ${name}`);
        handler({ action: name as MediaSessionAction, ...extra });
      },
      [action, details] as const,
    );
  }
}
