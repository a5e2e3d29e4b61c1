import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../../src/qa/browser-session.ts';

export { CHROMIUM_ARGS };

function executablePath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), headless: true, args: CHROMIUM_ARGS });
}

export interface PersistentChromium {
  context: BrowserContext;
  /** The profile folder: pass it again to simulate a browser restart with the same profile. */
  userDataDir: string;
}

/**
 * A browser with a real on-disk profile (IndexedDB, caches, service worker survive a restart).
 * Without `userDataDir` a fresh profile folder is made; close the context and call this again
 * with the returned folder to "restart the browser".
 */
export async function launchPersistentChromium(
  userDataDir: string = mkdtempSync(join(tmpdir(), 'runtut-profile-')),
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<PersistentChromium> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: executablePath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return { context, userDataDir };
}
