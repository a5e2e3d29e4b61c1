import { randomUUID } from 'node:crypto';
import {
  probe,
  readState,
  type FetchAnswer,
  type OutboxCounts,
  type StoredIdentity,
} from './page-probe.ts';
import { playerTarget, poll, type RunContext } from './run-context.ts';
import type { ActionOf, EventOverrides } from './script-schema.ts';
import { embedParticipant } from './embed-participant.ts';
import { createDemoParticipant, tokenOf } from './server-api.ts';

/** Actions on what the page stores and sends: the outbox, IndexedDB, forged API requests. */

export async function waitForSync(step: ActionOf<'waitForSync'>, ctx: RunContext): Promise<string> {
  const page = await playerTarget(ctx);
  const read = async () => ({
    outbox: await probe<OutboxCounts>(page, 'outbox'),
    pill: (await readState(page)).syncState,
  });
  const { value, held } = await poll(
    read,
    (v) => v.outbox.pending === 0 && v.pill === 'synced',
    step.timeoutSeconds * 1000,
    250,
  );
  const summary = value
    ? `pill ${value.pill ?? '–'}; outbox ${value.outbox.pending} pending, ${value.outbox.delivered} delivered, ${value.outbox.invalid} refused`
    : 'the page never answered';
  if (!held) throw new Error(`not synced after ${step.timeoutSeconds} s: ${summary}`);
  return summary;
}

export async function newParticipant(
  step: ActionOf<'newParticipant'>,
  ctx: RunContext,
): Promise<string> {
  const since = Date.now();
  const participant = ctx.embed
    ? await embedParticipant(ctx, step.name)
    : { ...(await createDemoParticipant(ctx.baseUrl)), since };
  ctx.participants.set(step.name, participant);
  return `${step.name} is ${participant.participantId}`;
}

let forgedSeq = 1_000_000;

/** A whole lesson event from a few fields, filled in as the page's own device would. */
async function completeEvent(
  ctx: RunContext,
  overrides: EventOverrides,
): Promise<Record<string, unknown>> {
  const page = await playerTarget(ctx);
  const stored = await probe<StoredIdentity>(page, 'identity').catch(() => undefined);
  const state = await readState(page).catch(() => undefined);
  forgedSeq += 1;
  return {
    id: randomUUID(),
    deviceId: stored?.deviceId ?? `qa-device-${randomUUID()}`,
    seq: forgedSeq,
    deviceTime: new Date().toISOString(),
    courseId: ctx.script.course,
    lessonId: state?.openLesson ?? 'unknown',
    type: 'progress',
    position: 0,
    segments: [],
    playedSinceLast: 0,
    elapsedMsSinceLast: 0,
    ...overrides,
  };
}

export async function api(step: ActionOf<'api'>, ctx: RunContext): Promise<string> {
  const { token, participantId } = await tokenOf(ctx, step.as);
  let body: unknown = step.body;
  if (step.events)
    body = { events: await Promise.all(step.events.map((event) => completeEvent(ctx, event))) };
  const vars = { participantId: participantId ?? '', ctx };
  body = fillTemplates(body, vars);
  const path = String(fillTemplates(step.path, vars));
  const headers = step.headers && (fillTemplates(step.headers, vars) as Record<string, string>);
  return send(ctx, step.method, path, body, token, headers);
}

export async function replayEvents(
  step: ActionOf<'replayEvents'>,
  ctx: RunContext,
): Promise<string> {
  const page = await playerTarget(ctx);
  const filter = {
    lessonId: step.lesson,
    type: step.type,
    delivery: 'any',
    courseId: ctx.script.course,
  };
  let events = await probe<Record<string, unknown>[]>(page, 'storedEvents', filter);
  if (step.last) events = events.slice(-step.last);
  if (events.length === 0)
    throw new Error(
      `the page has stored no ${step.type ?? ''} events${step.lesson ? ` for ${step.lesson}` : ''} to replay`,
    );
  const replayed = events.map((event) => ({
    ...event,
    ...step.change,
    ...(step.newIds ? { id: randomUUID() } : {}),
  }));
  const { token } = await tokenOf(ctx, step.as);
  const sent = await send(ctx, 'POST', '/api/v1/events', { events: replayed }, token, undefined);
  return `${replayed.length} event(s) ${replayed.map((e) => `${String(e.type)}:${String(e.lessonId)}`).join(', ')}; ${sent}`;
}

async function send(
  ctx: RunContext,
  method: string,
  path: string,
  body: unknown,
  token: string | null,
  headers: Record<string, string> | undefined,
): Promise<string> {
  const page = await playerTarget(ctx);
  const allHeaders = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...headers,
  };
  const answer = await probe<FetchAnswer>(page, 'pageFetch', method, path, allHeaders, body);
  ctx.lastApi = answer;
  return `${method} ${path} → ${describeAnswer(answer)}`;
}

export function describeAnswer(answer: FetchAnswer): string {
  const results = resultsOf(answer);
  if (results) {
    const list = results.map((r) => (r.reason ? `${r.status} (${r.reason})` : r.status)).join(', ');
    return `HTTP ${answer.status}: ${list}`;
  }
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return `HTTP ${answer.status}: ${text.slice(0, 300)}`;
}

export function resultsOf(answer: FetchAnswer): { status: string; reason?: string }[] | undefined {
  const results = (answer.body as { results?: unknown } | undefined)?.results;
  return Array.isArray(results) ? (results as { status: string; reason?: string }[]) : undefined;
}

/** `{{uuid}}`, `{{now}}`, `{{participantId}}`, `{{participant:NAME}}`, `{{course}}` in a path, headers or body. */
function fillTemplates(value: unknown, vars: { participantId: string; ctx: RunContext }): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\{\{(uuid|now|participantId|course|participant:[\w-]+)\}\}/g,
      (_, name: string) => {
        if (name === 'uuid') return randomUUID();
        if (name === 'now') return new Date().toISOString();
        if (name === 'participantId') return vars.participantId;
        if (name === 'course') return vars.ctx.script.course;
        const other = vars.ctx.participants.get(name.slice('participant:'.length));
        if (!other) throw new Error(`no participant named "${name.slice('participant:'.length)}"`);
        return other.participantId;
      },
    );
  }
  if (Array.isArray(value)) return value.map((item) => fillTemplates(item, vars));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillTemplates(item, vars)]),
    );
  }
  return value;
}

export async function editProgress(
  step: ActionOf<'editProgress'>,
  ctx: RunContext,
): Promise<string> {
  const page = await playerTarget(ctx);
  const row = await probe<Record<string, unknown>>(
    page,
    'editProgress',
    ctx.script.course,
    step.lesson,
    step.set,
  );
  return `progress row for ${step.lesson} is now ${JSON.stringify({
    segments: row.segments,
    frontier: row.frontier,
    completedAt: row.completedAt,
  })}`;
}

export async function editEvents(step: ActionOf<'editEvents'>, ctx: RunContext): Promise<string> {
  const page = await playerTarget(ctx);
  const filter = {
    lessonId: step.lesson,
    type: step.type,
    delivery: step.delivery,
    courseId: ctx.script.course,
  };
  const count = await probe<number>(page, 'editEvents', filter, step.set);
  if (count === 0)
    throw new Error(
      `no ${step.delivery} events${step.lesson ? ` for ${step.lesson}` : ''} to edit`,
    );
  return `edited ${count} stored event(s)`;
}
