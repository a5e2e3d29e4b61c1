import type { Browser, CDPSession, Page } from 'playwright-core';

/** The link of issue 7: 400 kbit/s both ways, 150 ms latency. */
export const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

/**
 * In every page: notes when the outline first shows and when video first plays, and presses
 * play as soon as there is something to press (video.js's big play button, else the element),
 * the way a participant who came to watch would.
 */
const MARKS = `(() => {
  const bench = (window.__bench = {});
  document.addEventListener('playing', () => {
    if (bench.firstFrame) return;
    bench.firstFrame = performance.now();
    window.__benchMark?.('firstFrame');
  }, true);
  new MutationObserver(() => {
    if (!bench.outline && document.querySelector('[data-lesson-id]')) {
      bench.outline = performance.now();
      window.__benchMark?.('outline');
    }
  }).observe(document, { subtree: true, childList: true });
  const press = setInterval(() => {
    if (bench.firstFrame) return clearInterval(press);
    const big = document.querySelector('.vjs-big-play-button');
    const video = document.querySelector('video');
    if (big && video && video.closest('.video-js')) big.click();
    else if (video && !document.querySelector('.video-js')) void video.play().catch(() => {});
  }, 50);
})();`;

export interface LoadFigures {
  firstFrameMs: number;
  bytesBeforeFirstFrame: number;
  jsBytesBeforeOutline: number | undefined;
}

/** Per request: bytes on the wire so far (encodedDataLength: headers and compressed body). */
function wireCounter(cdp: CDPSession) {
  const received = new Map<string, number>();
  const finished = new Map<string, number>();
  const scripts = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.dataReceived', (e) =>
    received.set(e.requestId, (received.get(e.requestId) ?? 0) + e.encodedDataLength),
  );
  cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.encodedDataLength));
  const bytes = (only?: Set<string>) => {
    let total = 0;
    for (const id of new Set([...received.keys(), ...finished.keys()])) {
      if (only && !only.has(id)) continue;
      total += finished.get(id) ?? received.get(id) ?? 0;
    }
    return total;
  };
  return { all: () => bytes(), scripts: () => bytes(scripts) };
}

/** One cold load on the slow link, in a fresh context (empty cache, no service worker). */
export async function measureLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
    const wire = wireCounter(cdp);
    const at: Partial<Record<'firstFrame' | 'outline', { all: number; scripts: number }>> = {};
    let frame: () => void = () => {};
    const framed = new Promise<void>((resolve) => (frame = resolve));
    await page.exposeFunction('__benchMark', (mark: 'firstFrame' | 'outline') => {
      at[mark] = { all: wire.all(), scripts: wire.scripts() };
      if (mark === 'firstFrame') frame();
    });
    await page.addInitScript(MARKS);
    await page.goto(url, { waitUntil: 'commit' });
    await Promise.race([
      framed,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no frame: ${url}`)), 120_000)),
    ]);
    const firstFrameMs = await page.evaluate(
      () => (window as unknown as { __bench: { firstFrame: number } }).__bench.firstFrame,
    );
    return {
      firstFrameMs,
      bytesBeforeFirstFrame: at.firstFrame?.all ?? 0,
      jsBytesBeforeOutline: at.outline?.scripts,
    };
  } finally {
    await context.close();
  }
}

/** Main-thread busy time (CDP TaskDuration) over `seconds` of steady playback, in ms. */
export async function measureBusy(
  page: Page,
  seconds: number,
): Promise<{ busyMs: number; played: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const position = () => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
  const startAt = await position();
  const before = await task();
  await page.waitForTimeout(seconds * 1000);
  const busyMs = (await task()) - before;
  return { busyMs, played: (await position()) - startAt };
}

/** Waits until the page's video has been playing for a moment (past start-up work). */
export async function waitForSteadyPlayback(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const video = document.querySelector('video');
      return video !== null && !video.paused && video.currentTime > 1.5;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}
