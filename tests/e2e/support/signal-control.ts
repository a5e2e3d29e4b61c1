import type { Page } from 'playwright-core';

/** What the in-page watch saw while the lesson played (see `watchPlayback`). */
export interface PlaybackWatch {
  /** Largest lead of the playing position over the container's frontier, seconds. */
  maxLead: number;
  /** The element ran out of data at least once while it was meant to play. */
  starved: boolean;
  position: number;
  frontier: number;
  networkState: string | null;
  quality: string | null;
  errorShown: boolean;
}

/**
 * Installs a watch in the page that samples the `<video>` every 50 ms: how far the position
 * ever ran ahead of `data-frontier`, and whether the picture was ever starved (not paused, yet
 * the position stood still for a second), so a test can prove that its cut really stopped it.
 */
export async function watchPlayback(page: Page, containerSelector: string): Promise<void> {
  await page.evaluate((selector) => {
    const w = window as unknown as { __watch: { maxLead: number; starved: boolean } };
    w.__watch = { maxLead: 0, starved: false };
    let last = Number.NaN;
    let movedAt = performance.now();
    setInterval(() => {
      const video = document.querySelector('video');
      const container = document.querySelector<HTMLElement>(selector);
      if (!video || !container) return;
      const frontier = Number(container.dataset.frontier);
      if (Number.isFinite(frontier)) {
        w.__watch.maxLead = Math.max(w.__watch.maxLead, video.currentTime - frontier);
      }
      if (video.currentTime !== last || video.paused || video.ended) {
        last = video.currentTime;
        movedAt = performance.now();
      } else if (performance.now() - movedAt >= 1000) {
        w.__watch.starved = true;
      }
    }, 50);
  }, containerSelector);
}

export async function readWatch(page: Page, containerSelector: string): Promise<PlaybackWatch> {
  return page.evaluate((selector) => {
    const w = window as unknown as { __watch: { maxLead: number; starved: boolean } };
    const video = document.querySelector('video');
    const container = document.querySelector<HTMLElement>(selector);
    return {
      ...w.__watch,
      position: video?.currentTime ?? Number.NaN,
      frontier: Number(container?.dataset.frontier),
      networkState: container?.dataset.networkState ?? null,
      quality: container?.dataset.quality ?? null,
      errorShown: Boolean(document.querySelector('.video-js.vjs-error')),
    };
  }, containerSelector);
}

/** Waits until the element has been starved (the cut really stopped the picture). */
export async function waitUntilStarved(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __watch: { starved: boolean } }).__watch.starved,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

/** Waits until the position moves past `from` + 1 s, i.e. playback went on by itself. */
export async function waitUntilPlayingPast(
  page: Page,
  from: number,
  timeoutMs: number,
): Promise<void> {
  await page.waitForFunction(
    (start) => {
      const video = document.querySelector('video');
      return video !== null && !video.paused && video.currentTime >= start + 1;
    },
    from,
    { timeout: timeoutMs, polling: 100 },
  );
}
