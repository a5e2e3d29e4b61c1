import type { Frame, Page } from 'playwright-core';
import type { BrowserSession } from './browser-session.ts';
import { embedAddress } from './embed-address.ts';
import { readState, type FetchAnswer, type PageState } from './page-probe.ts';
import { directSurface, embeddedSurface, type PlayerSurface } from './player-surface.ts';
import { poll } from './poll.ts';
import type { Script } from './script-schema.ts';

export interface Participant {
  participantId: string;
  token: string;
  /** Runner clock (ms) just before the session was asked for. */
  since?: number;
}

/** Everything the steps of one running script share. */
export interface RunContext {
  session: BrowserSession;
  baseUrl: string;
  script: Script;
  /** Extra participants made by `newParticipant`, by name. */
  participants: Map<string, Participant>;
  /** The last `api` / `replayEvents` answer, for `apiStatus`. */
  lastApi: FetchAnswer | undefined;
  /** Notices seen before this index were already claimed by a `notice` expectation. */
  noticeCursor: number;
  /** Runner clock (ms) when the first `open` began: the page's participant exists since then at most. */
  firstOpenAt: number | undefined;
  /**
   * What the last `play` step legitimately played to: its frontier, when it ended, and whether
   * playback went on after it (then until the next `pause`). `overPlayed` limits count from here,
   * so a machine that lags (and overshoots a play step) does not fail an honest script.
   */
  lastPlay?: { frontier: number; at: number; playing: boolean; stoppedAt?: number } | undefined;
  /** Where this script's screenshots go. */
  artifactDir: string;
  /** With `--embed-url`: the player runs inside this embedding page (see embed-address.ts). */
  embed?: EmbedTarget | undefined;
}

export interface EmbedTarget {
  template: string;
  /** The Runtut server's origin: the player frame is the one on it. */
  runtutOrigin: string;
  /** This script's participant, `{participant}` in the template. */
  participant: string;
}

/** The player in the current tab: the page, or the Runtut frame inside the embedding page. */
export async function playerOf(ctx: RunContext): Promise<PlayerSurface> {
  const page = await ctx.session.page();
  return ctx.embed ? embeddedSurface(page, ctx.embed.runtutOrigin) : directSurface(page);
}

/** Shorthand for steps that only read or act inside the player. */
export async function playerTarget(ctx: RunContext): Promise<Page | Frame> {
  return (await playerOf(ctx)).target;
}

/**
 * The address a step opens: `path`, or the lesson's or course's own page with `query`; with
 * `--embed-url`, the embedding page carrying the same course, lesson and language.
 */
export function addressOf(
  ctx: RunContext,
  step: { path?: string | undefined; lesson?: string | undefined; query?: string | undefined },
): string {
  if (ctx.embed) {
    const { template, participant } = ctx.embed;
    return embedAddress(template, { ...step, course: ctx.script.course, participant });
  }
  const path = step.path ?? lessonPath(ctx, step.lesson);
  return urlFor(ctx, step.query ? `${path}${path.includes('?') ? '&' : '?'}${step.query}` : path);
}

/** Waits for the player of `page` (after a navigation, a reload or a restart) to be ready. */
export async function waitForPlayer(
  ctx: RunContext,
  page: Page,
  waitFor: WaitFor,
): Promise<PageState | undefined> {
  if (waitFor === 'none' && !ctx.embed) return undefined;
  const surface = ctx.embed
    ? await embeddedSurface(page, ctx.embed.runtutOrigin)
    : directSurface(page);
  return waitUntilReady(surface.target, waitFor);
}

export type WaitFor = 'player' | 'page' | 'none';

export { poll, sleep } from './poll.ts';

export function urlFor(ctx: RunContext, path: string): string {
  return new URL(path, ctx.baseUrl).toString();
}

export function lessonPath(ctx: RunContext, lesson?: string): string {
  const course = encodeURIComponent(ctx.script.course);
  return lesson ? `/c/${course}/${encodeURIComponent(lesson)}` : `/c/${course}`;
}

const READY_TIMEOUT_MS = 30_000;

/** Waits until the page shows the course (outline) and, for 'player', a mounted player. */
export async function waitUntilReady(
  page: Page | Frame,
  waitFor: WaitFor,
): Promise<PageState | undefined> {
  if (waitFor === 'none') return undefined;
  const ready = (state: PageState) =>
    state.courseId !== null &&
    Object.keys(state.lessonStates).length > 0 &&
    (waitFor === 'page' || (state.playerReady && state.openLesson !== null));
  const { value, held } = await poll(() => readState(page), ready, READY_TIMEOUT_MS, 200);
  if (!held) {
    const seen = value
      ? `course root ${value.courseId ?? 'missing'}, ${Object.keys(value.lessonStates).length} outline entries, ` +
        `player ${value.playerReady ? 'mounted' : 'not mounted'}, open lesson ${value.openLesson ?? 'none'}`
      : 'the page never answered';
    const refused = await page
      .evaluate(`document.querySelector('[data-embed-refused]')?.dataset.embedRefused ?? null`)
      .catch(() => null);
    if (typeof refused === 'string')
      throw new Error(
        `the embedded player refused to start: ${refused} (data-embed-refused; is this page's origin allowed for the course's provider, and its token valid?)`,
      );
    throw new Error(`the page was not ready after ${READY_TIMEOUT_MS / 1000} s (${seen})`);
  }
  return value;
}

export function describeState(state: PageState | undefined): string {
  if (!state) return '';
  const position = state.position === null ? '–' : state.position.toFixed(2);
  return `lesson ${state.openLesson ?? '–'}, position ${position}, frontier ${state.dataFrontier ?? '–'}`;
}

/**
 * The frontier a script may legitimately have reached: the last play step's frontier plus, if
 * playback went on, the wall time until it was paused (nothing plays faster than 1x for real).
 */
export function legitimateFrontier(ctx: RunContext, nowMs: number): number {
  const last = ctx.lastPlay;
  if (!last) return 0;
  const ranFor = last.playing ? ((last.stoppedAt ?? nowMs) - last.at) / 1000 : 0;
  return last.frontier + Math.max(0, ranFor);
}
