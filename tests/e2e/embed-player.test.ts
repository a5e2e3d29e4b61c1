import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLaunchToken } from '../../src/embed/demo/provider-site.ts';
import { launchChromium } from './support/chromium.ts';
import { EmbedPage } from './support/embed-page.ts';
import {
  PROVIDER_SECRET,
  REPORT_KEY,
  startEmbedWorld,
  type EmbedWorld,
} from './support/embed-world.ts';

let world: EmbedWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startEmbedWorld();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

async function serverProgress(participant: string) {
  const token = await signLaunchToken(PROVIDER_SECRET, participant, 'sample');
  const response = await fetch(`${world.runtut.baseUrl}/api/v1/progress?course=sample`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as {
    lessons: { lessonId: string; completedAt: string | null }[];
  };
  return Object.fromEntries(body.lessons.map((l) => [l.lessonId, l.completedAt]));
}

describe('the embedded player on a provider site', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(() => context.close());

  it('says ready, answers getProgress, refuses a locked lesson, and reports a completion the server confirmed', async () => {
    const host = new EmbedPage(await context.newPage());
    await host.open(`${world.provider.url}/?participant=embed-1&course=sample`);
    const ready = await host.waitForEvent('ready', 60_000);
    expect(ready.data).toMatchObject({
      protocolVersion: 1,
      courseId: 'sample',
      lessonId: 'pengantar',
      methods: ['getProgress', 'openLesson', 'setLanguage'],
    });
    const progress = (await host.call('getProgress')) as {
      lessons: { lessonId: string; state: string }[];
    };
    expect(progress.lessons.slice(0, 2)).toMatchObject([
      { lessonId: 'pengantar', state: 'available' },
      { lessonId: 'anggaran', state: 'locked' },
    ]);
    expect(await host.call('openLesson', 'anggaran')).toEqual({ refused: 'lesson-locked' });

    await host.play();
    const completed = await host.waitForEvent('lessoncompleted', 40_000);
    expect(completed.data).toMatchObject({ courseId: 'sample', lessonId: 'pengantar' });
    expect(typeof completed.data.completedAt).toBe('string');
    expect((await serverProgress('embed-1')).pengantar).toBe(completed.data.completedAt);
    // As docs/embedding.md tells providers: confirm the event with the report API.
    const report = (await fetch(
      `${world.runtut.baseUrl}/api/v1/reports/courses/sample/completions`,
      { headers: { 'x-api-key': REPORT_KEY } },
    ).then((r) => r.json())) as { completions: { participantId: string; lessonId: string }[] };
    expect(report.completions).toContainEqual(
      expect.objectContaining({ participantId: 'embed-1', lessonId: 'pengantar' }),
    );

    const events = await host.events();
    expect(events.some((e) => e.name === 'lessonstarted')).toBe(true);
    const ticks = events.filter((e) => e.name === 'progress').map((e) => e.at);
    expect(ticks.length).toBeGreaterThan(2);
    // At most about one a second. Judged over the whole run, not pair by pair: the times are
    // when the host heard them, and one late delivery brings the next one close to it.
    const span = (ticks.at(-1) ?? 0) - (ticks[0] ?? 0);
    expect(ticks.length - 1, `${ticks.length} progress events in ${span} ms`).toBeLessThanOrEqual(
      Math.floor(span / 1000) + 1,
    );
    expect(await host.call('openLesson', 'anggaran')).toEqual({ lessonId: 'anggaran' });
  });
});

describe('what the host page and other pages cannot do', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(() => context.close());

  it('cannot frame the player from a site the provider did not list (CSP frame-ancestors)', async () => {
    const page = await context.newPage();
    const blocked = new Promise<string>((resolve) =>
      page.on('console', (message) => {
        if (message.text().includes('frame-ancestors')) resolve(message.text());
      }),
    );
    await page.goto(`${world.stranger.url}/?participant=stranger-1&course=sample`);
    expect(await blocked).toContain('Content Security Policy');
    const frame = await (await page.waitForSelector('runtut-player iframe')).contentFrame();
    expect(await frame?.$('[data-course-id]')).toBeNull();
    expect(await new EmbedPage(page).events()).toEqual([]);
    await page.close();
  });

  it('ignores messages from another frame, another origin, and forged events or commands from the host', async () => {
    const host = new EmbedPage(await context.newPage());
    await host.open(`${world.provider.url}/?participant=forger-1&course=sample`);
    await host.waitForEvent('ready', 60_000);
    const frame = await host.frame();
    const sent = await host.page.evaluate(async () => {
      const player = document.querySelector('runtut-player iframe') as HTMLIFrameElement;
      const target = player.contentWindow!;
      const runtutOrigin = new URL(player.src).origin;
      const forged = [
        {
          runtut: 1,
          event: 'lessoncompleted',
          data: { courseId: 'sample', lessonId: 'pengantar' },
        },
        { runtut: 1, id: 901, method: 'complete', params: { lessonId: 'pengantar' } },
        { runtut: 1, id: 902, method: 'openLesson', params: { lessonId: 'penutup' } },
      ];
      // 1. The host itself, on its allowed origin: answered with refusals, nothing done.
      for (const message of forged) target.postMessage(message, runtutOrigin);
      // 2. A sibling frame with the host's own origin (srcdoc), and 3. one on an opaque origin.
      const script = `parent.frames[0].postMessage({ runtut: 1, id: 903, method: 'openLesson', params: { lessonId: 'penutup' } }, '*');`;
      const sibling = document.createElement('iframe');
      const end = '</' + 'script>';
      sibling.srcdoc = `<script>${script}${end}`;
      const stranger = document.createElement('iframe');
      stranger.src = `data:text/html,<script>${encodeURIComponent(script)}${end}`;
      document.body.append(sibling, stranger);
      return forged.length + 2;
    });
    await frame.waitForFunction(
      `Number(document.documentElement.dataset.embedIgnored) >= ${sent}`,
      undefined,
      { timeout: 15_000 },
    );
    expect(await host.lessonStates()).toMatchObject({ pengantar: 'available', penutup: 'locked' });
    expect(await frame.getAttribute('li[aria-current="step"]', 'data-lesson-id')).toBe('pengantar');
    expect((await serverProgress('forger-1')).pengantar).toBeNull();
    expect((await host.events()).map((e) => e.name)).not.toContain('lessoncompleted');
  });

  it("cannot read or change the frame's <video>", async () => {
    const host = new EmbedPage(await context.newPage());
    await host.open(`${world.provider.url}/?participant=reader-1&course=sample`);
    await host.waitForEvent('ready', 60_000);
    const reach = await host.page.evaluate(() => {
      const iframe = document.querySelector('runtut-player iframe') as HTMLIFrameElement;
      const attempts: Record<string, string> = {};
      attempts.contentDocument = String(iframe.contentDocument);
      try {
        const video = iframe.contentWindow!.document.querySelector('video')!;
        video.currentTime = 7.5;
        attempts.document = 'reached';
      } catch (error) {
        attempts.document = (error as Error).name;
      }
      attempts.videosInHost = String(document.querySelectorAll('video').length);
      return attempts;
    });
    expect(reach).toEqual({
      contentDocument: 'null',
      document: 'SecurityError',
      videosInHost: '0',
    });
    const frame = await host.frame();
    expect(await frame.evaluate(() => document.querySelector('video')?.currentTime)).toBe(0);
  });
});
