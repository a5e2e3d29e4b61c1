import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Quiet, deterministic headless Chromium: media may autoplay muted, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--mute-audio',
  // Playwright passes its own --disable-features list, which turns ThirdPartyStoragePartitioning
  // off; Chromium 156 then refuses a cross-site frame (the embedded player) any IndexedDB or Web
  // Locks, because third-party cookies are blocked. Chromium reads the LAST --disable-features,
  // so this list replaces Playwright's: its quiet-startup entries, partitioning left on as in
  // the browsers participants use.
  `--disable-features=${[
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'MediaRouter',
    'PaintHolding',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch',
  ].join(',')}`,
];

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const inPage = (name: string) => readFile(new URL(`./in-page/${name}`, import.meta.url), 'utf8');
const PROBE = inPage('probe.js');
const SHIFT_CLOCK = inPage('shift-clock.js');

export interface SessionOptions {
  executablePath: string;
  /**
   * A Chromium shared by scripts that never restart the browser: each gets a fresh, isolated
   * context in it (its own IndexedDB, service worker and cookies), which starts much faster
   * than a new Chromium. Without it, or for `persistent`, the session has its own Chromium.
   */
  sharedBrowser?: () => Promise<Browser>;
  /** A real profile folder on disk, so the browser can be closed and started again on it. */
  persistent: boolean;
  /** A touch screen from the first page on (as a phone), so the page sees a touch device. */
  touch?: boolean;
  /** Every console line, page error and failed request, from every tab. */
  onLog(line: string): void;
}

/**
 * One participant's browser. With `persistent`, a profile folder on disk (IndexedDB, service
 * worker, caches) so that "restart the browser" is closing Chromium and starting it again on
 * the same folder; tabs, the offline switch and the shifted clock carry over a restart.
 * Otherwise an isolated context in a shared Chromium.
 */
export class BrowserSession {
  private context: BrowserContext | undefined;
  private tabs: Page[] = [];
  private current = 0;
  private offline = false;
  private clockOffsetMs = 0;
  private readonly started = Date.now();

  private constructor(
    private readonly options: SessionOptions,
    readonly userDataDir: string | undefined,
  ) {}

  static async start(options: SessionOptions): Promise<BrowserSession> {
    const shared = !options.persistent && options.sharedBrowser !== undefined;
    const dir = shared ? undefined : await mkdtemp(join(tmpdir(), 'runtut-qa-profile-'));
    const session = new BrowserSession(options, dir);
    try {
      await session.launch();
    } catch (error) {
      if (dir) await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return session;
  }

  get tabCount(): number {
    return this.tabs.length;
  }

  get tabIndex(): number {
    return this.current;
  }

  /** The current tab; a new one is opened if the browser has none. */
  async page(): Promise<Page> {
    const page = this.tabs[this.current];
    if (page && !page.isClosed()) return page;
    return this.openTab();
  }

  async openTab(): Promise<Page> {
    const context = this.requireContext();
    const page = await context.newPage();
    this.watch(page, this.tabs.length);
    this.tabs.push(page);
    this.current = this.tabs.length - 1;
    return page;
  }

  async switchTab(index: number): Promise<Page> {
    const page = this.tabs[index];
    if (!page || page.isClosed())
      throw new Error(`there is no tab ${index} (open tabs: ${this.tabs.length})`);
    this.current = index;
    await page.bringToFront();
    return page;
  }

  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    await this.requireContext().setOffline(offline);
  }

  /** Moves `Date` in every tab, now and in every page loaded from now on. */
  async shiftClock(hours: number): Promise<void> {
    const first = this.clockOffsetMs === 0;
    this.clockOffsetMs += hours * 3_600_000;
    const context = this.requireContext();
    if (first) await context.addInitScript(await SHIFT_CLOCK);
    await context.addInitScript(offsetScript(this.clockOffsetMs));
    // Every frame: the player may be a frame inside an embedding page (--embed-url).
    const frames = this.tabs.filter((page) => !page.isClosed()).flatMap((page) => page.frames());
    for (const frame of frames) {
      await frame.evaluate(`${offsetScript(this.clockOffsetMs)};${await SHIFT_CLOCK}`);
    }
  }

  /** Closes Chromium and starts it on the same profile; the current tab's page is reopened. */
  async restart(): Promise<Page> {
    if (!this.userDataDir) throw new Error('this session has no profile on disk to restart with');
    const url = this.tabs[this.current]?.url();
    await this.requireContext().close();
    this.tabs = [];
    this.current = 0;
    await this.launch();
    const page = await this.openTab();
    if (url && url.startsWith('http')) await page.goto(url);
    return page;
  }

  /**
   * A page in a browser of its own (another participant's device: none of this session's
   * storage), closed once `use` is done. In the shared Chromium when there is one.
   */
  async withOtherBrowser<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const { executablePath, sharedBrowser } = this.options;
    const own = sharedBrowser
      ? undefined
      : await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    const context = await (own ?? (await sharedBrowser?.()))?.newContext();
    if (!context) throw new Error('no browser for another participant');
    try {
      await context.addInitScript(await PROBE);
      return await use(await context.newPage());
    } finally {
      await context.close().catch(() => undefined);
      await own?.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.context = undefined;
    if (this.userDataDir) await rm(this.userDataDir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const look = {
      viewport: { width: 1280, height: 800 },
      hasTouch: this.options.touch ?? false,
      acceptDownloads: false,
    };
    const context =
      this.userDataDir === undefined && this.options.sharedBrowser
        ? await (await this.options.sharedBrowser()).newContext(look)
        : await chromium.launchPersistentContext(this.userDataDir ?? '', {
            ...look,
            executablePath: this.options.executablePath,
            headless: true,
            args: CHROMIUM_ARGS,
          });
    this.context = context;
    await context.addInitScript(await PROBE);
    if (this.clockOffsetMs !== 0) {
      await context.addInitScript(await SHIFT_CLOCK);
      await context.addInitScript(offsetScript(this.clockOffsetMs));
    }
    if (this.offline) await context.setOffline(true);
    // A persistent context opens with one blank tab: use it as tab 0.
    const blank = context.pages()[0];
    if (blank) {
      this.watch(blank, 0);
      this.tabs = [blank];
    }
  }

  private watch(page: Page, index: number): void {
    const stamp = () => `+${((Date.now() - this.started) / 1000).toFixed(1)}s tab${index}`;
    page.on('console', (message) =>
      this.options.onLog(`${stamp()} console.${message.type()}: ${message.text()}`),
    );
    page.on('pageerror', (error) => this.options.onLog(`${stamp()} page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      this.options.onLog(
        `${stamp()} request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`,
      ),
    );
    page.on('response', (response) => {
      if (response.status() >= 400)
        this.options.onLog(
          `${stamp()} HTTP ${response.status()}: ${response.request().method()} ${response.url()}`,
        );
    });
    page.on('crash', () => this.options.onLog(`${stamp()} the page crashed`));
  }

  private requireContext(): BrowserContext {
    if (!this.context) throw new Error('the browser is closed');
    return this.context;
  }
}

function offsetScript(offsetMs: number): string {
  return `globalThis.__runtutQaClockOffsetMs = ${String(offsetMs)};`;
}

/** One Chromium for many sessions, started on first use and again if it goes away. */
export function sharedChromium(executablePath: string) {
  let launching: Promise<Browser> | undefined;
  return {
    get(): Promise<Browser> {
      if (!launching) {
        const started = chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
        launching = started;
        started.then(
          (browser) =>
            browser.on(
              'disconnected',
              () => (launching = launching === started ? undefined : launching),
            ),
          () => (launching = undefined),
        );
      }
      return launching;
    },
    async close(): Promise<void> {
      const browser = await launching?.catch(() => undefined);
      launching = undefined;
      await browser?.close().catch(() => undefined);
    },
  };
}
