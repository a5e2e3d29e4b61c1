import type { Frame, Page } from 'playwright-core';

/** A page, or the player frame inside an embedding page: both evaluate and find elements. */
export type PlayerTarget = Page | Frame;

/** What the probe reads from a page through the QA contract (see src/qa/in-page/probe.js). */
export interface PageState {
  url: string;
  courseId: string | null;
  videoCount: number;
  /** The `<video>` element's own clock, read through the HTMLMediaElement prototype. */
  position: number | null;
  rate: number | null;
  defaultRate: number | null;
  paused: boolean | null;
  ended: boolean | null;
  dataPosition: number | null;
  dataFrontier: number | null;
  openLesson: string | null;
  lessonStates: Record<string, string>;
  syncState: string | null;
  notice: string | null;
  playerReady: boolean;
}

export interface StoredIdentity {
  identity: { participantId: string; token: string | null; mode: string } | null;
  deviceId: string | null;
}

export interface FetchAnswer {
  status: number;
  body: unknown;
}

export interface OutboxCounts {
  pending: number;
  invalid: number;
  delivered: number;
}

/**
 * Calls one of the probe's functions in the page. Arguments travel as JSON inside a source
 * string: the runner never serializes its own functions into the page (tsx adds helpers to
 * compiled functions that do not exist there).
 */
export async function probe<T>(page: PlayerTarget, fn: string, ...args: unknown[]): Promise<T> {
  const call = `window.__runtutQa.${fn}(${args.map((arg) => JSON.stringify(arg ?? null)).join(', ')})`;
  return (await page.evaluate(`(async () => {
    if (!window.__runtutQa) throw new Error('the QA probe is missing from this page');
    return ${call};
  })()`)) as T;
}

export const readState = (page: PlayerTarget) => probe<PageState>(page, 'state');

/** Runs a script author's snippet as the body of an async function; returns its value. */
export async function runSnippet(page: PlayerTarget, script: string): Promise<unknown> {
  return page.evaluate(`(async () => {\n${script}\n})()`);
}
