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
  try {
    const url = new URL(frame.url());
    return url.origin === runtutOrigin && url.pathname.startsWith('/embed/');
  } catch {
    return false;
  }
}

async function findPlayerFrame(page: Page, runtutOrigin: string, timeoutMs: number) {
  const { value } = await poll(
    () => Promise.resolve(page.frames().find((frame) => isPlayerFrame(frame, runtutOrigin))),
    (frame) => frame !== undefined && !frame.isDetached(),
    timeoutMs,
  );
  if (value && !value.isDetached()) return value;
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
