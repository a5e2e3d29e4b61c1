import type { Frame, Page } from 'playwright-core';

export interface HeardEvent {
  name: string;
  data: Record<string, unknown>;
  at: number;
}

/** Page object for the demo provider's page and the player frame inside it. */
export class EmbedPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  events(): Promise<HeardEvent[]> {
    return this.page.evaluate(
      () => (window as unknown as { runtutEvents?: HeardEvent[] }).runtutEvents ?? [],
    );
  }

  async waitForEvent(name: string, timeout = 30_000): Promise<HeardEvent> {
    // A source string: the test runner's transform must not reach into the page's function.
    await this.page
      .waitForFunction(
        `(window.runtutEvents || []).some((e) => e.name === ${JSON.stringify(name)})`,
        undefined,
        { timeout, polling: 100 },
      )
      .catch(async (error: Error) => {
        throw new Error(`no ${name} event within ${timeout} ms; ${await this.whatHappened()}`, {
          cause: error,
        });
      });
    const found = (await this.events()).find((e) => e.name === name);
    if (!found) throw new Error(`no ${name} event`);
    return found;
  }

  /** For a failure message: the events heard, and the frame's player and sync state. */
  async whatHappened(): Promise<string> {
    const heard = (await this.events().catch(() => [])).map((e) =>
      e.name === 'syncstatechange' || e.name === 'error'
        ? `${e.name}(${JSON.stringify(e.data)})`
        : e.name,
    );
    const frame = await this.frame().catch(() => undefined);
    const state = await frame
      ?.evaluate(() => {
        const video = document.querySelector('video');
        const container = document.querySelector('[data-frontier]');
        return {
          sync: document.querySelector('[data-sync-state]')?.getAttribute('data-sync-state'),
          network: document
            .querySelector('[data-network-state]')
            ?.getAttribute('data-network-state'),
          frontier: container?.getAttribute('data-frontier'),
          position: video?.currentTime,
          paused: video?.paused,
          ended: video?.ended,
          lessons: [...document.querySelectorAll('li[data-lesson-id]')].map(
            (li) => `${li.getAttribute('data-lesson-id')}:${li.getAttribute('data-lesson-state')}`,
          ),
        };
      })
      .catch((error: Error) => error.message);
    return `heard [${heard.join(', ')}]; frame ${JSON.stringify(state)}`;
  }

  /** Calls a method of the page's player handle; a refusal comes back as `{ refused: code }`. */
  call(method: string, ...args: unknown[]): Promise<unknown> {
    return this.page.evaluate(
      async ([name, params]) => {
        const player = (
          window as unknown as {
            runtutPlayer: Record<string, (...a: unknown[]) => Promise<unknown>>;
          }
        ).runtutPlayer;
        try {
          return await player[name as string]!(...(params as unknown[]));
        } catch (error) {
          return { refused: (error as { code?: string }).code };
        }
      },
      [method, args] as const,
    );
  }

  async frame(): Promise<Frame> {
    const handle = await this.page.waitForSelector('runtut-player iframe');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the player frame has no content');
    return frame;
  }

  async play(): Promise<void> {
    const frame = await this.frame();
    await frame.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    await frame.locator('.vjs-big-play-button').click();
    await frame.waitForFunction(() => document.querySelector('video')?.paused === false);
  }

  async lessonStates(): Promise<Record<string, string>> {
    const frame = await this.frame();
    return frame.$$eval('li[data-lesson-id]', (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.getAttribute('data-lesson-id'),
          li.getAttribute('data-lesson-state'),
        ]),
      ),
    );
  }
}
