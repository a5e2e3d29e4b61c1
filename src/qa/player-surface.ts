import type { Frame, Page } from 'playwright-core';
import { poll } from './poll.ts';

/**
 * Where the player lives in the current tab: the page itself, or (with `--embed-url`) the
 * Runtut `<iframe>` the provider's host script inserted into an embedding page, on the Runtut
 * origin (cross-origin to the page). Steps read and act on `target` (selectors, in-page
 * evaluation, the QA probe); the mouse, keyboard, touch screen and screenshots belong to the tab
 * (`page`), with points in the target's viewport turned into the page's by `toPage`. This is
 * the one place that knows the difference.
 */
export interface PlayerSurface {
  page: Page;
  target: Page | Frame;
  embedded: boolean;
  toPage(point: { x: number; y: number }): Promise<{ x: number; y: number }>;
}

const FRAME_TIMEOUT_MS = 30_000;
const found = new WeakMap<Page, Frame>();

export function directSurface(page: Page): PlayerSurface {
  return { page, target: page, embedded: false, toPage: (point) => Promise.resolve(point) };
}

/** The player frame of an embedding page: the frame on `runtutOrigin` under `/embed/`. */
export async function embeddedSurface(
  page: Page,
  runtutOrigin: string,
  timeoutMs = FRAME_TIMEOUT_MS,
): Promise<PlayerSurface> {
  // Once found, a frame stays the player until it is gone: a script may move the frame's own
  // address (history.pushState) off /embed/, and it is still the same player.
  const known = found.get(page);
  const frame =
    known && !known.isDetached() ? known : await findPlayerFrame(page, runtutOrigin, timeoutMs);
  found.set(page, frame);
  return {
    page,
    target: frame,
    embedded: true,
    async toPage(point) {
      const box = await (await frame.frameElement()).boundingBox();
      if (!box) throw new Error('the player frame is not on screen');
      return { x: box.x + point.x, y: box.y + point.y };
    },
  };
}

export function isPlayerFrame(frame: Frame, runtutOrigin: string): boolean {
  return isPlayerUrl(frame.url(), runtutOrigin);
}

function isPlayerUrl(address: string, runtutOrigin: string): boolean {
  try {
    const url = new URL(address);
    return url.origin === runtutOrigin && url.pathname.startsWith('/embed/');
  } catch {
    return false;
  }
}

/**
 * Polls for the player frame. An `<iframe>` pointing at the player whose document is the
 * browser's error page means the browser refused to load it there (frame-ancestors): that is
 * said at once, not after the timeout.
 */
async function findPlayerFrame(page: Page, runtutOrigin: string, timeoutMs: number) {
  const look = async () => {
    const frame = page.frames().find((f) => isPlayerFrame(f, runtutOrigin) && !f.isDetached());
    if (frame) return { frame };
    if (!page.frames().some((f) => f.url().startsWith('chrome-error:'))) return {};
    const sources = (await page.evaluate(
      "[...document.querySelectorAll('iframe')].map((f) => f.src)",
    )) as string[];
    return { blocked: sources.find((src) => isPlayerUrl(src, runtutOrigin)) };
  };
  const { value } = await poll(
    look,
    (v) => v.frame !== undefined || v.blocked !== undefined,
    timeoutMs,
  );
  if (value?.frame) return value.frame;
  if (value?.blocked !== undefined)
    throw new Error(
      `the browser refused to load the Runtut player frame (${value.blocked.split('#')[0] ?? ''}) inside ${new URL(page.url()).origin}: ` +
        "the server's frame-ancestors policy does not list this origin for the course's provider",
    );
  const others = page
    .frames()
    .filter((frame) => frame !== page.mainFrame())
    .map((frame) => frame.url() || '(blank)');
  throw new Error(
    `the embedding page ${page.url()} shows no Runtut player frame (an <iframe> on ${runtutOrigin}/embed/…) after ${timeoutMs / 1000} s; ` +
      (others.length > 0 ? `its frames: ${others.join(', ')}` : 'it has no frames at all') +
      ` — does it load ${runtutOrigin}/embed.js and hold a <runtut-player> element?`,
  );
}
