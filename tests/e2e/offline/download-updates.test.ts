import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchPersistentChromium } from '../support/chromium.ts';
import { startDownload, waitForDownloadState, waitForWorker } from '../support/downloads-page.ts';
import { RestartableServer } from '../support/restartable-server.ts';

interface Source {
  src: string;
  bytes: number;
  sha256: string;
}
interface Manifest {
  lessons: { id: string; sources: Source[] }[];
}

/** The size of the copy the page is given for `path` with no network: the stored one. */
async function storedSize(page: Page, path: string): Promise<number> {
  await page.context().setOffline(true);
  try {
    const range = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { Range: 'bytes=0-15' } });
      await response.arrayBuffer();
      return response.headers.get('content-range');
    }, path);
    return Number(/\/(\d+)$/.exec(range ?? '')?.[1]);
  } finally {
    await page.context().setOffline(false);
  }
}

describe('a lesson republished with different media', () => {
  it('marks the stored copy outdated, keeps playing it, and replaces it once the update is downloaded', async () => {
    const coursesDir = mkdtempSync(join(tmpdir(), 'runtut-republish-'));
    cpSync('dist/courses', coursesDir, { recursive: true });
    const server = await RestartableServer.create({ COURSES_DIR: coursesDir });
    const { context } = await launchPersistentChromium();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/c/sample`);
      await waitForWorker(page);
      await startDownload(page, 'anggaran');
      await waitForDownloadState(page, 'anggaran', 'complete');
      const manifestPath = join(coursesDir, 'sample/course.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      const lessonOf = (id: string) => manifest.lessons.find((lesson) => lesson.id === id);
      const old = lessonOf('anggaran')?.sources[0] as Source;
      const replacement = lessonOf('pinjaman')?.sources[0] as Source;
      const oldBytes = old.bytes;
      expect(await storedSize(page, `/courses/sample/${old.src}`)).toBe(oldBytes);

      // The provider republishes lesson 2 with other media (same address, other bytes and hash).
      cpSync(join(coursesDir, 'sample', replacement.src), join(coursesDir, 'sample', old.src));
      Object.assign(old, { bytes: replacement.bytes, sha256: replacement.sha256 });
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
      await server.stop();
      await server.start();

      await page.reload();
      await waitForDownloadState(page, 'anggaran', 'outdated');
      const update = page.locator('li[data-lesson-id="anggaran"] [data-action="download"]');
      expect(await update.textContent()).toBe('Perbarui');
      expect(await storedSize(page, `/courses/sample/${old.src}`), 'the old copy still plays').toBe(
        oldBytes,
      );

      await update.click();
      await waitForDownloadState(page, 'anggaran', 'complete');
      expect(await storedSize(page, `/courses/sample/${old.src}`)).toBe(replacement.bytes);
    } finally {
      await context.close();
      await server.dispose();
      rmSync(coursesDir, { recursive: true, force: true });
    }
  }, 180_000);
});
