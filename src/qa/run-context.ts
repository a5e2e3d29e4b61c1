import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser-session.ts';
import { readState, type FetchAnswer, type PageState } from './page-probe.ts';
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
}

export type WaitFor = 'player' | 'page' | 'none';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function urlFor(ctx: RunContext, path: string): string {
  return new URL(path, ctx.baseUrl).toString();
}

export function lessonPath(ctx: RunContext, lesson?: string): string {
  const course = encodeURIComponent(ctx.script.course);
  return lesson ? `/c/${course}/${encodeURIComponent(lesson)}` : `/c/${course}`;
}

/**
 * Polls `read` until `done` holds or `timeoutMs` passes; returns the last value read and
 * whether it held. Reads that throw (a page mid-navigation) count as not yet.
 */
export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<{ value: T | undefined; held: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let value: T | undefined;
  for (;;) {
    try {
      value = await read();
      if (done(value)) return { value, held: true };
    } catch {
      // not readable yet
    }
    if (Date.now() >= deadline) return { value, held: false };
    await sleep(intervalMs);
  }
}

const READY_TIMEOUT_MS = 30_000;

/** Waits until the page shows the course (outline) and, for 'player', a mounted player. */
export async function waitUntilReady(page: Page, waitFor: WaitFor): Promise<PageState | undefined> {
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
