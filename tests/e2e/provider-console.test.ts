import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from './support/axe.ts';
import { launchChromium } from './support/chromium.ts';
import { ConsolePage } from './support/console-page.ts';
import { CoursePage } from './support/course-page.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

const KEY = 'console-e2e-report-key';
// Set CONSOLE_SCREENSHOTS=<dir> to keep a PNG of every console page at phone and desktop size.
const SHOTS = process.env.CONSOLE_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
let participantA: string;
let participantB: string;

async function postJson(path: string, body: unknown, token?: string) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  // Its own server and database: the numbers on the console are exactly what this file played.
  server = await startServer({ RUNTUT_REPORT_KEY: KEY });
  browser = await launchChromium();
  // B's session starts first, so by the time A has played, 5 s of B's play are plausible.
  const b = (await postJson('/api/v1/session', {})) as { token: string; participantId: string };
  participantB = b.participantId;
  // A plays the first lesson (8 s) to the end in the real participant page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const course = new CoursePage(await context.newPage(), server.baseUrl);
  await course.open('/c/sample');
  await course.play();
  await course.waitForLessonState('pengantar', 'completed', 30_000);
  await course.waitForSyncState('synced', 30_000);
  if (!(await course.serverProgress()).pengantar?.completedAt)
    throw new Error('the server did not record the played lesson as complete');
  const token = await course.token();
  participantA = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())
    .sub as string;
  await context.close();
  // B plays 0–5 s of the first lesson (through the API, as the player would send it).
  const start = Date.now() - 5000;
  const event = (
    seq: number,
    type: string,
    position: number,
    segments: [number, number][],
    played: number,
  ) => ({
    id: crypto.randomUUID(),
    deviceId: 'console-e2e-phone-b',
    seq,
    deviceTime: new Date(start + position * 1000).toISOString(),
    courseId: 'sample',
    lessonId: 'pengantar',
    type,
    position,
    segments,
    playedSinceLast: played,
    elapsedMsSinceLast: played * 1000,
  });
  const reply = await postJson(
    '/api/v1/events',
    { events: [event(0, 'started', 0, [], 0), event(1, 'progress', 5, [[0, 5]], 5)] },
    b.token,
  );
  expect(reply.results).toEqual([
    expect.objectContaining({ status: 'accepted' }),
    expect.objectContaining({ status: 'accepted' }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the provider console', () => {
  let context: BrowserContext;
  let ui: ConsolePage;
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    ui = new ConsolePage(await context.newPage(), server.baseUrl);
  });
  afterAll(() => context.close());

  it('refuses a wrong key, then signs in with the right one into an HttpOnly cookie', async () => {
    await ui.signIn('not-the-key');
    await ui.page.waitForSelector('#sign-in-error');
    expect(await wcagViolations(ui.page)).toEqual([]);
    await shoot(ui.page, 'console-sign-in');
    await ui.signIn(KEY);
    await ui.waitForPage('overview');
    expect(
      await ui.page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]),
    ).toEqual(['', 0, 0]);
  });

  it('shows the overview numbers of what was played', async () => {
    expect(await ui.metric('participants-started')).toBe('2');
    expect(await ui.metric('participants-finished')).toBe('0');
    const funnel = await ui.funnel();
    expect(funnel.pengantar).toEqual({ started: 2, completed: 1 });
    expect(funnel.anggaran).toEqual({ started: 0, completed: 0 });
    const shares = (
      await ui.page.getAttribute('.drop-off[data-lesson-id="pengantar"]', 'data-shares')
    )
      ?.split(' ')
      .map(Number);
    // Both credited the first 5 s (62.5%): slices up to 60% reached by two, the last ones by A alone.
    expect(shares?.slice(0, 12)).toEqual(Array(12).fill(1));
    expect(shares?.slice(-2)).toEqual([0.5, 0.5]);
    expect(await wcagViolations(ui.page)).toEqual([]);
    await shoot(ui.page, 'console-overview');
  });

  it('lists the participants and exports the same rows', async () => {
    await ui.openTab('participants');
    const shown = await ui.tableParticipants();
    expect(shown.sort()).toEqual([participantA, participantB].sort());
    expect(await wcagViolations(ui.page)).toEqual([]);
    // On a phone the rows become cards: still a table to assistive technology, still clean.
    await ui.page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(ui.page)).toEqual([]);
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    await shoot(ui.page, 'console-participants');
    const csv = await ui.download('csv');
    expect(csv.name).toBe('sample-participants.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('participantId,lessonsCompleted,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(await ui.tableParticipants());
    const json = JSON.parse((await ui.download('json')).text) as {
      participants: { participantId: string }[];
    };
    expect(json.participants.map((row) => row.participantId)).toEqual(await ui.tableParticipants());
  });

  it('searches by participant id', async () => {
    await ui.page.fill('input[type="search"]', participantB.slice(0, 12));
    await ui.page.click('form[role="search"] button[type="submit"]');
    await ui.page.waitForFunction(
      () => document.querySelectorAll('tr[data-participant-id]').length === 1,
    );
    expect(await ui.tableParticipants()).toEqual([participantB]);
  });

  it('shows one participant’s credited part on the lesson timeline', async () => {
    await ui.openParticipant(participantB);
    expect(await ui.timeline('pengantar')).toEqual([[0, 5]]);
    expect(await ui.timeline('anggaran')).toEqual([]);
    await ui.page.goBack();
    await ui.openTab('participants');
    await ui.openParticipant(participantA);
    const [first] = await ui.timeline('pengantar');
    expect(first?.[0]).toBeLessThanOrEqual(0.3); // the first frame may be credited from 0.01 s
    expect(first?.[1]).toBeGreaterThanOrEqual(7.5);
    expect(await ui.page.textContent('.lesson-standings li[data-lesson-id="pengantar"]')).toMatch(
      /WIT/,
    );
    expect(await wcagViolations(ui.page)).toEqual([]);
    await shoot(ui.page, 'console-participant');
  });

  it('switches to English and signs out', async () => {
    await ui.page.click('.header-actions button >> nth=0');
    await ui.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await ui.page.textContent('h1')).toContain('Provider console');
    await ui.page.click('[data-action="sign-out"]');
    await ui.waitForPage('sign-in');
    await ui.page.reload();
    await ui.waitForPage('sign-in');
    const response = await ui.page.evaluate(
      async () => (await fetch('/api/v1/reports/courses')).status,
    );
    expect(response).toBe(401);
  });
});
