import type { Browser } from 'playwright-core';
import { BrowserSession } from './browser-session.ts';
import { embedAddress } from './embed-address.ts';
import { embeddedSurface } from './player-surface.ts';
import { waitUntilReady } from './run-context.ts';

/**
 * Before any script runs with `--embed-url`: opens the embedding page once and checks that it
 * holds a Runtut player frame that starts (its course root and outline). Returns what is wrong,
 * so that a page without the player, or one the player refuses to run in, stops the run with
 * one clear message (exit code 2) instead of failing every script the same way.
 */
export async function checkEmbeddingPage(options: {
  template: string;
  baseUrl: string;
  course: string;
  chromiumPath: string;
  sharedBrowser: () => Promise<Browser>;
}): Promise<string | undefined> {
  const url = embedAddress(options.template, {
    course: options.course,
    participant: `qa-check-${Date.now().toString(36)}`,
  });
  const session = await BrowserSession.start({
    executablePath: options.chromiumPath,
    persistent: false,
    sharedBrowser: options.sharedBrowser,
    onLog: () => undefined,
  });
  try {
    const page = await session.page();
    const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (response && !response.ok())
      return `the embedding page ${url} answered HTTP ${response.status()}`;
    const { target } = await embeddedSurface(page, new URL(options.baseUrl).origin, 20_000);
    // The frame either starts the player or says why it refuses to (data-embed-refused).
    const first = await target.waitForSelector('[data-embed-refused], .app[data-course-id]', {
      timeout: 30_000,
    });
    const refused = await first.getAttribute('data-embed-refused');
    if (refused)
      return `--embed-url ${url}: the Runtut frame refused to start there (${refused}): is the page's origin allowed for the course's provider, and its launch token signed with the provider's key?`;
    await waitUntilReady(target, 'page');
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return `--embed-url ${url}: ${text.split('\n')[0] ?? text}`;
  } finally {
    await session.close();
  }
}
