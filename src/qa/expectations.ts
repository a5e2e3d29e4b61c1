import { paceAllowance } from '../domain/pace-check.ts';
import { describeAnswer, resultsOf } from './actions-server.ts';
import { probe, readState, runSnippet, type OutboxCounts, type PageState } from './page-probe.ts';
import { legitimateFrontier, playerTarget, sleep, type RunContext } from './run-context.ts';
import type { Expectation, ExpectationOf } from './script-schema.ts';
import { serverLessons } from './server-api.ts';

export interface Verdict {
  ok: boolean;
  detail: string;
}

/** How long each kind may take to come true when the script does not say (`within`). */
const DEFAULT_WITHIN: Record<Expectation['expect'], number> = {
  positionAtMost: 1,
  frontierAtMost: 1,
  rateAtMost: 0,
  lessonState: 3,
  openLesson: 3,
  syncState: 10,
  notice: 2,
  serverProgress: 0,
  serverCreditWithinRealTime: 0,
  apiStatus: 0,
  outbox: 0,
  url: 3,
  pageCheck: 0,
};

/**
 * Checks an expectation: it must come true within `within` seconds (polled every 100 ms), then
 * keep holding for `holdFor` seconds. A check that throws (page gone, server down) fails.
 */
export async function checkExpectation(step: Expectation, ctx: RunContext): Promise<Verdict> {
  if (step.expect === 'rateAtMost') return rateAtMost(step, ctx);
  const within =
    step.within ??
    (step.expect === 'serverProgress' && step.completed === true
      ? 15
      : DEFAULT_WITHIN[step.expect]);
  const deadline = Date.now() + within * 1000;
  let verdict = await safely(() => checkOnce(step, ctx));
  while (!verdict.ok && Date.now() < deadline) {
    await sleep(step.expect === 'serverProgress' ? 500 : 100);
    verdict = await safely(() => checkOnce(step, ctx));
  }
  if (!verdict.ok || !step.holdFor) return verdict;
  const holdUntil = Date.now() + step.holdFor * 1000;
  let last = verdict;
  while (Date.now() < holdUntil) {
    await sleep(100);
    last = await safely(() => checkOnce(step, ctx));
    if (!last.ok)
      return { ok: false, detail: `held, then broke within ${step.holdFor} s: ${last.detail}` };
  }
  return { ok: true, detail: `${last.detail}; held for ${step.holdFor} s` };
}

async function safely(check: () => Promise<Verdict>): Promise<Verdict> {
  try {
    return await check();
  } catch (error) {
    return {
      ok: false,
      detail: `could not check: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

async function checkOnce(
  step: Exclude<Expectation, { expect: 'rateAtMost' }>,
  ctx: RunContext,
): Promise<Verdict> {
  const page = await playerTarget(ctx);
  switch (step.expect) {
    case 'positionAtMost': {
      const state = await readState(page);
      const seen = Math.max(state.position ?? 0, state.dataPosition ?? 0);
      const max = limitOf(step, ctx);
      return verdict(
        seen <= max.value + 1e-6,
        `position ${fmt(state.position)} (data-position ${fmt(state.dataPosition)}), limit ${max.text}`,
      );
    }
    case 'frontierAtMost': {
      const state = await readState(page);
      if (state.dataFrontier === null)
        return { ok: false, detail: 'no [data-frontier] on the page' };
      const max = limitOf(step, ctx);
      return verdict(
        state.dataFrontier <= max.value + 1e-6,
        `data-frontier ${state.dataFrontier}, limit ${max.text}`,
      );
    }
    case 'lessonState': {
      const state = await readState(page);
      const actual = state.lessonStates[step.lesson];
      return verdict(
        actual === step.state,
        `${step.lesson} is ${actual ?? 'not in the outline'}; outline ${outline(state)}`,
      );
    }
    case 'openLesson': {
      const state = await readState(page);
      return verdict(
        state.openLesson === step.lesson,
        `open lesson (aria-current) is ${state.openLesson ?? 'none'}`,
      );
    }
    case 'syncState': {
      const state = await readState(page);
      return verdict(
        state.syncState === step.state,
        `sync pill says ${state.syncState ?? 'nothing (no [data-sync-state])'}`,
      );
    }
    case 'notice':
      return notice(step, ctx);
    case 'url': {
      const url = page.url();
      return verdict(new RegExp(step.matches).test(url), `address is ${url}`);
    }
    case 'pageCheck': {
      const result = await runSnippet(page, step.script);
      return verdict(
        result === true,
        `${step.description ?? 'check'} returned ${JSON.stringify(result)}`,
      );
    }
    case 'outbox': {
      const counts = await probe<OutboxCounts>(page, 'outbox');
      const ok =
        (step.pendingAtMost === undefined || counts.pending <= step.pendingAtMost) &&
        (step.invalidAtLeast === undefined || counts.invalid >= step.invalidAtLeast);
      return verdict(
        ok,
        `outbox ${counts.pending} pending, ${counts.delivered} delivered, ${counts.invalid} refused by the server`,
      );
    }
    case 'apiStatus':
      return apiStatus(step, ctx);
    case 'serverProgress':
      return serverProgress(step, ctx);
    case 'serverCreditWithinRealTime':
      return creditWithinRealTime(step, ctx);
  }
}

async function notice(step: ExpectationOf<'notice'>, ctx: RunContext): Promise<Verdict> {
  const page = await playerTarget(ctx);
  const seen = await probe<string[]>(page, 'notices');
  if (seen.length < ctx.noticeCursor) ctx.noticeCursor = 0;
  const recent = seen.slice(ctx.noticeCursor);
  const { notice: now } = await readState(page);
  const ok = recent.includes(step.key) || now === step.key;
  if (ok) ctx.noticeCursor = seen.length;
  return verdict(
    ok,
    `notices shown since the last check: ${recent.join(', ') || 'none'}; now: ${now ?? 'none'}`,
  );
}

function apiStatus(step: ExpectationOf<'apiStatus'>, ctx: RunContext): Promise<Verdict> {
  const answer = ctx.lastApi;
  if (!answer)
    return Promise.resolve({ ok: false, detail: 'no api or replayEvents step ran before this' });
  const statuses =
    step.status === undefined
      ? undefined
      : Array.isArray(step.status)
        ? step.status
        : [step.status];
  let ok = statuses === undefined || statuses.includes(answer.status);
  if (step.results) {
    const results = resultsOf(answer);
    const allowed = step.results as readonly string[];
    ok =
      ok &&
      results !== undefined &&
      results.length > 0 &&
      results.every((r) => allowed.includes(r.status));
  }
  return Promise.resolve(verdict(ok, describeAnswer(answer)));
}

async function serverProgress(
  step: ExpectationOf<'serverProgress'>,
  ctx: RunContext,
): Promise<Verdict> {
  const lessons = await serverLessons(ctx, step.as);
  const lesson = lessons.find((entry) => entry.lessonId === step.lesson);
  const completedAt = lesson?.completedAt ?? null;
  const watched = Number(lesson?.watchedSeconds ?? 0);
  const coverage = Number(lesson?.coverage ?? 0);
  const failures: string[] = [];
  if (step.completed !== undefined && (completedAt !== null) !== step.completed) {
    failures.push(step.completed ? 'not completed' : 'counted as completed');
  }
  if (step.coverageAtMost !== undefined && coverage > step.coverageAtMost + 1e-6)
    failures.push(`coverage above ${step.coverageAtMost}`);
  if (step.watchedSecondsAtMost !== undefined && watched > step.watchedSecondsAtMost + 1e-6) {
    failures.push(`watched seconds above ${step.watchedSecondsAtMost}`);
  }
  if (step.watchedSecondsAtLeast !== undefined && watched < step.watchedSecondsAtLeast - 1e-6) {
    failures.push(
      `watched seconds below ${step.watchedSecondsAtLeast} (did the legitimate progress reach the server?)`,
    );
  }
  if (step.completedWithinMinutes !== undefined) {
    const off = completedAt
      ? Math.abs(Date.parse(completedAt) - Date.now()) / 60_000
      : Number.POSITIVE_INFINITY;
    if (!(off <= step.completedWithinMinutes))
      failures.push(`completion time not within ${step.completedWithinMinutes} min of now`);
  }
  const flags =
    Array.isArray(lesson?.flags) && lesson.flags.length > 0
      ? `, flags ${lesson.flags.join(' ')}`
      : '';
  const record = lesson
    ? `completedAt ${completedAt ?? 'null'}, watchedSeconds ${fmt(watched)}, coverage ${fmt(coverage)}${flags}`
    : 'no record for this lesson';
  const who = step.as === 'page' ? '' : ` (${step.as})`;
  return {
    ok: failures.length === 0,
    detail: `server${who}: ${step.lesson} ${record}${failures.length > 0 ? ` — ${failures.join('; ')}` : ''}`,
  };
}

async function creditWithinRealTime(
  step: ExpectationOf<'serverCreditWithinRealTime'>,
  ctx: RunContext,
): Promise<Verdict> {
  const since = step.as === 'page' ? ctx.firstOpenAt : ctx.participants.get(step.as)?.since;
  if (since === undefined)
    return { ok: false, detail: `no session began for ${step.as} in this script` };
  const lessons = await serverLessons(ctx, step.as);
  const credited = lessons.reduce((sum, lesson) => sum + Number(lesson.watchedSeconds ?? 0), 0);
  const elapsed = (Date.now() - since) / 1000;
  // The server's own bound (1x plus 5 % and 2 s, docs/server-checks.md) over the time since the
  // earliest moment the session can date from: a launch token's `iat` is in whole seconds, so it
  // can come up to `slackSeconds` before the runner's clock saw the page open.
  const limit = paceAllowance(elapsed + step.slackSeconds);
  const each = lessons
    .filter((lesson) => Number(lesson.watchedSeconds ?? 0) > 0)
    .map((lesson) => `${lesson.lessonId} ${fmt(Number(lesson.watchedSeconds))}`)
    .join(', ');
  return verdict(
    credited <= limit + 1e-6,
    `server credited ${fmt(credited)} s (${each || 'nothing'}) in ${fmt(elapsed)} s of real time; limit ${fmt(limit)} s`,
  );
}

/**
 * The media may not advance faster than `value` x real time over the window, and the element's
 * rate must read at most `value` in most reads. A rate a speed extension re-applies every
 * 100 ms may be read for an instant before the player reverts it; what the participant gets is
 * the advance, so that is what decides, and the highest rate read is reported.
 */
async function rateAtMost(step: ExpectationOf<'rateAtMost'>, ctx: RunContext): Promise<Verdict> {
  const page = await playerTarget(ctx);
  const first = await readState(page);
  const startWall = Date.now();
  let highest = first.rate ?? 0;
  let last: PageState = first;
  let backwards = 0;
  let previous = first.position ?? 0;
  let advanced = 0;
  let reads = 0;
  let readsAbove = 0;
  while (Date.now() - startWall < step.over * 1000) {
    await sleep(100);
    last = await readState(page);
    const rate = last.rate ?? 0;
    highest = Math.max(highest, rate);
    reads += 1;
    if (rate > step.value) readsAbove += 1;
    const position = last.position ?? 0;
    if (position >= previous) advanced += position - previous;
    else backwards += previous - position;
    previous = position;
  }
  const wall = (Date.now() - startWall) / 1000;
  const effective = advanced / wall;
  // 0.15: timer jitter between two reads through the DevTools protocol.
  const ok = effective <= step.value + 0.15 && readsAbove * 2 <= reads;
  const pulled = backwards > 0.05 ? `, pulled back ${backwards.toFixed(2)} s` : '';
  return verdict(
    ok,
    `media advanced ${advanced.toFixed(2)} s in ${wall.toFixed(2)} s (${effective.toFixed(2)}x${pulled}); ` +
      `rate above ${step.value} in ${readsAbove} of ${reads} reads, highest ${highest}; ${last.paused ? 'paused' : 'playing'}`,
  );
}

function verdict(ok: boolean, detail: string): Verdict {
  return { ok, detail };
}

function fmt(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100);
}

function outline(state: PageState): string {
  return Object.entries(state.lessonStates)
    .map(([id, s]) => `${id}:${s}`)
    .join(' ');
}

/** The step's absolute limit, or `overPlayed` past what the last play step legitimately reached. */
function limitOf(
  step: { value?: number | undefined; overPlayed?: number | undefined },
  ctx: RunContext,
): { value: number; text: string } {
  if (step.value !== undefined) return { value: step.value, text: String(step.value) };
  const base = legitimateFrontier(ctx, Date.now());
  const value = base + (step.overPlayed ?? 0);
  return { value, text: `${fmt(value)} (${fmt(base)} played + ${step.overPlayed ?? 0})` };
}
