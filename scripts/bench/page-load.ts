/**
 * Bench section "page load": Runtut beside a default video.js 8 page and a bare <video> playing
 * the same file, in headless Chromium on a throttled link (400 kbit/s, 150 ms, cold cache, no
 * service worker), medians of RUNS runs, printed as ratios to the video.js page. Then main-thread
 * busy time over 20 s of steady playback of the sample's 40 s lesson (unthrottled).
 * Needs `npm run build` first.   npx tsx scripts/bench/page-load.ts
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../src/qa/browser-session.ts';
import { startServer } from '../../tests/e2e/support/start-server.ts';
import { firstScreenGzipBytes } from '../build/first-screen-size.ts';
import { busyRuntut, busyReference } from './page-load-busy.ts';
import { measureLoad, type LoadFigures } from './page-load-probe.ts';
import { startReferenceSite } from './page-load-reference.ts';
import type { BenchSection } from './section.ts';

const RUNS = 3;
const BUSY_SECONDS = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (value: number, reference: number) => `${(value / reference).toFixed(2)}×`;

type PageName = 'Runtut' | 'video.js 8 page' | 'bare <video>';

export async function pageLoadFigures(): Promise<string[]> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first');
  const runtut = await startServer();
  const reference = await startReferenceSite();
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const pages: [PageName, string][] = [
      ['Runtut', `${runtut.baseUrl}/c/sample`],
      ['video.js 8 page', reference.url('videojs', 'first')],
      ['bare <video>', reference.url('bare', 'first')],
    ];
    const loads = new Map<PageName, LoadFigures[]>(pages.map(([name]) => [name, []]));
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, url] of pages) {
        const figures = await measureLoad(browser, url);
        loads.get(name)?.push(figures);
        process.stderr.write(
          `  load ${run + 1}/${RUNS} ${name}: ${s(figures.firstFrameMs)}, ${kB(figures.bytesBeforeFirstFrame)}\n`,
        );
      }
    }
    const busy = new Map<PageName, number[]>(pages.map(([name]) => [name, []]));
    for (let run = 0; run < RUNS; run += 1) {
      busy.get('Runtut')?.push(await busyRuntut(browser, runtut.baseUrl, BUSY_SECONDS));
      busy
        .get('video.js 8 page')
        ?.push(await busyReference(browser, reference.url('videojs', 'long'), BUSY_SECONDS));
      busy
        .get('bare <video>')
        ?.push(await busyReference(browser, reference.url('bare', 'long'), BUSY_SECONDS));
      process.stderr.write(`  busy ${run + 1}/${RUNS} done\n`);
    }

    const frame = (name: PageName) => median((loads.get(name) ?? []).map((f) => f.firstFrameMs));
    const bytes = (name: PageName) =>
      median((loads.get(name) ?? []).map((f) => f.bytesBeforeFirstFrame));
    const busyOf = (name: PageName) => median(busy.get(name) ?? []);
    const ref: PageName = 'video.js 8 page';
    const lines = [
      `400 kbit/s, 150 ms, cold cache; medians of ${RUNS} runs; ratios to the video.js 8 page`,
      '| | time to first frame | bytes before first frame | main thread busy per 20 s of playback |',
      '| --- | --- | --- | --- |',
      ...pages.map(
        ([name]) =>
          `| ${name} | ${s(frame(name))} (${ratio(frame(name), frame(ref))}) | ${kB(bytes(name))} (${ratio(bytes(name), bytes(ref))}) | ${busyOf(name).toFixed(0)} ms (${ratio(busyOf(name), busyOf(ref))}) |`,
      ),
    ];
    const jsWire = median((loads.get('Runtut') ?? []).map((f) => f.jsBytesBeforeOutline ?? 0));
    lines.push(
      `Runtut JS before the outline: ${kB(firstScreenGzipBytes('dist'))} gzip (build), ${kB(jsWire)} on the wire (brotli, with headers); budget 110 kB gzip`,
      `budgets: first frame ≤ 0.90× → ${ratio(frame('Runtut'), frame(ref))}; bytes ≤ 0.90× → ${ratio(bytes('Runtut'), bytes(ref))}; busy ≤ 0.50× → ${ratio(busyOf('Runtut'), busyOf(ref))}`,
    );
    return lines;
  } finally {
    await browser.close();
    await reference.stop();
    await runtut.stop();
  }
}

export const pageLoadSection: BenchSection = {
  title: 'page load (Runtut vs video.js 8 vs bare <video>, 400 kbit/s)',
  run: pageLoadFigures,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await pageLoadFigures()) console.log(line);
}
