/**
 * Bench section: download + verify of a generated 50 MB lesson over loopback, through the real
 * page (the download queue: chunked IndexedDB writes, incremental SHA-256), beside a plain
 * `fetch` to an ArrayBuffer + WebCrypto digest of the same file in the same page. Peak memory is
 * the renderer process's resident set (ArrayBuffers live outside the JS heap, so the JS heap alone
 * would hide the reference's cost), polled every 100 ms from /proc.
 *
 *   npx tsx scripts/bench/offline-download.ts
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/qa/browser-session.ts';
import { freePort } from '../../src/qa/free-port.ts';
import type { BenchSection } from './section.ts';

const BYTES = 50 * 1024 * 1024;

function makeStaticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'runtut-bench-offline-'));
  cpSync('dist', dir, { recursive: true });
  mkdirSync(join(dir, 'courses/bench/media'), { recursive: true });
  const media = randomBytes(BYTES);
  writeFileSync(join(dir, 'courses/bench/media/big.mp4'), media);
  const sha256 = createHash('sha256').update(media).digest('hex');
  const lesson = { id: 'besar', title: 'Besar', durationSeconds: 600 };
  const source = { src: 'media/big.mp4', type: 'video/mp4', bytes: BYTES, sha256 };
  const manifest = {
    schemaVersion: 1,
    id: 'bench',
    title: 'Bench',
    lessons: [{ ...lesson, sources: [source] }],
  };
  writeFileSync(join(dir, 'courses/bench/course.json'), JSON.stringify(manifest));
  return dir;
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

export async function measureOfflineDownload(): Promise<string[]> {
  const staticDir = makeStaticDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'runtut-bench-data-'));
  const port = await freePort();
  const server = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir },
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    for (let up = false; !up; await new Promise((r) => setTimeout(r, 300))) {
      up = await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
    }
    const page = await browser.newPage();
    const cdp = await browser.newBrowserCDPSession();
    await page.goto(`${base}/c/bench`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
      timeout: 60_000,
    });
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { id: number; type: string }[];
    };
    const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
    const peakDuring = async (work: () => Promise<unknown>) => {
      const baseline = Math.max(...renderers.map(rssOf));
      let peak = baseline;
      const timer = setInterval(() => {
        for (const pid of renderers) peak = Math.max(peak, rssOf(pid));
      }, 100);
      const started = performance.now();
      await work();
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      return { seconds, peakMb: (peak - baseline) / 1e6 };
    };
    const download = await peakDuring(async () => {
      await page.click('[data-action="download"]');
      await page.waitForSelector('li[data-download-state="complete"]', { timeout: 600_000 });
    });
    const reference = await peakDuring(() =>
      page.evaluate(async () => {
        const buffer = await (
          await fetch('/courses/bench/media/big.mp4', { cache: 'no-store' })
        ).arrayBuffer();
        await crypto.subtle.digest('SHA-256', buffer);
      }),
    );
    const mb = BYTES / 1e6;
    return [
      `download + verify ${mb.toFixed(0)} MB (chunks to IndexedDB, incremental SHA-256): ${download.seconds.toFixed(1)} s, ${(mb / download.seconds).toFixed(1)} MB/s, renderer memory +${download.peakMb.toFixed(0)} MB at peak`,
      `reference fetch → ArrayBuffer + WebCrypto digest:             ${reference.seconds.toFixed(1)} s, ${(mb / reference.seconds).toFixed(1)} MB/s, renderer memory +${reference.peakMb.toFixed(0)} MB at peak`,
      `ratio (download / reference): time ${(download.seconds / reference.seconds).toFixed(2)}×, peak memory ${(download.peakMb / Math.max(1, reference.peakMb)).toFixed(2)}×`,
    ];
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(staticDir, { recursive: true, force: true });
    setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 2000);
  }
}

export const offlineDownloadSection: BenchSection = {
  title: 'Offline download: 50 MB lesson, download + verify vs plain fetch (loopback)',
  run: measureOfflineDownload,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await measureOfflineDownload()) console.log(line);
}
