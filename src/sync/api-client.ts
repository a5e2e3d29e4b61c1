// zod's tree-shakable API: the player's page carries this (docs/decisions/0018).
import * as z from 'zod/mini';
import type { LessonEvent } from '../domain/lesson-events.ts';
import { DELIVERY_STATUSES } from '../domain/lesson-events.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiContext {
  /** Origin (and path prefix) of the server, '' for same origin. */
  apiBase: string;
  fetch: FetchLike;
  /** A request with no answer after this long is abandoned (slow links stall rather than fail). */
  timeoutMs: number;
  /** Aborts whatever is in flight (sync stopped). */
  signal?: AbortSignal | undefined;
}

/**
 * Why a request did not succeed, in the terms the outbox acts on:
 * - network: no answer (dropped, offline, timed out): keep, back off, show "offline".
 * - auth: the token is not (or no longer) accepted: an identity problem, retrying will not help.
 * - refused: the request itself was judged bad (400, 413, 422): split it or set the event aside.
 * - server: 5xx, 429 or an unreadable answer: keep, back off.
 */
export type ApiFailure =
  | { kind: 'network' }
  | { kind: 'auth'; status: number }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'server'; status: number; retryAfterMs?: number };

export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiFailure);

const eventResultSchema = z.object({
  /** Null when the event had no readable id; results come in the batch's order. */
  id: z.nullable(z.string()),
  status: z.enum(DELIVERY_STATUSES),
  reason: z.optional(z.string()),
  field: z.optional(z.string()),
});
export type EventResult = z.infer<typeof eventResultSchema>;

/** A lesson the batch changed, as the server now credits it: its confirmation of a completion. */
const changedLessonSchema = z.object({
  courseId: z.string(),
  lessonId: z.string(),
  completedAt: z.nullable(z.string()),
});
export type ServerChangedLesson = z.infer<typeof changedLessonSchema>;

const eventsReplySchema = z.object({
  results: z.array(eventResultSchema),
  lessons: z.optional(z.array(changedLessonSchema)),
});
export type EventsReply = { results: EventResult[]; lessons: ServerChangedLesson[] };
const nonEmpty = z.string().check(z.minLength(1));
const sessionReplySchema = z.object({ token: nonEmpty, participantId: nonEmpty });

const progressLessonSchema = z.object({
  lessonId: z.string(),
  completedAt: z.optional(z.nullable(z.string())),
  watchedSeconds: z.optional(z.number()),
  coverage: z.optional(z.number()),
  position: z.optional(z.nullable(z.number())),
  segments: z.optional(z.nullable(z.array(z.tuple([z.number(), z.number()])))),
});
const progressReplySchema = z.object({
  courseId: z.string(),
  lessons: z.array(progressLessonSchema),
});
export type ServerLessonProgress = z.infer<typeof progressLessonSchema>;

export function urlOf(apiBase: string, path: string): string {
  return `${apiBase.replace(/\/+$/, '')}${path}`;
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date), capped at 5 minutes. */
function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 300_000) : undefined;
}

/** The server's words for a refused request: `{ error: { code, message } }`, else the text. */
async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } | string };
    const error = body.error;
    if (typeof error === 'string') return `HTTP ${response.status}: ${error}`;
    if (typeof error?.message === 'string') return `HTTP ${response.status}: ${error.message}`;
    if (typeof error?.code === 'string') return `HTTP ${response.status}: ${error.code}`;
  } catch {
    // not JSON: fall through to the raw text
  }
  return `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

/** One request with a timeout, sorted into success or an {@link ApiFailure}. */
async function call<T>(
  api: ApiContext,
  path: string,
  init: RequestInit,
  parse: (body: unknown) => T | undefined,
): Promise<ApiResult<T>> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, api.timeoutMs);
  api.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (api.signal?.aborted) return { ok: false, kind: 'network' };
    const response = await api.fetch(urlOf(api.apiBase, path), {
      ...init,
      signal: controller.signal,
    });
    if (response.status === 401 || response.status === 403) {
      return { ok: false, kind: 'auth', status: response.status };
    }
    if (response.status === 400 || response.status === 413 || response.status === 422) {
      return {
        ok: false,
        kind: 'refused',
        status: response.status,
        reason: await reasonOf(response),
      };
    }
    if (!response.ok) {
      const wait = retryAfterMs(response);
      return {
        ok: false,
        kind: 'server',
        status: response.status,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      };
    }
    const value = parse(await response.json());
    if (value === undefined) return { ok: false, kind: 'server', status: response.status };
    return { ok: true, value };
  } catch {
    // fetch rejects only when there is no HTTP answer: dropped, offline, aborted by the timer.
    // A body that fails to arrive or parse after a 2xx is the same to us: not acknowledged.
    return { ok: false, kind: 'network' };
  } finally {
    clearTimeout(timer);
    api.signal?.removeEventListener('abort', abort);
  }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function postEvents(
  api: ApiContext,
  token: string,
  events: readonly LessonEvent[],
): Promise<ApiResult<EventsReply>> {
  return call(
    api,
    '/api/v1/events',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ events }),
    },
    (body) => {
      const reply = eventsReplySchema.safeParse(body).data;
      return reply && { results: reply.results, lessons: reply.lessons ?? [] };
    },
  );
}

/** A new demo session; with the clock ticket this device kept, anchored at the ticket's time. */
export function postSession(
  api: ApiContext,
  clockTicket?: string,
): Promise<ApiResult<{ token: string; participantId: string }>> {
  return call(
    api,
    '/api/v1/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clockTicket === undefined ? {} : { clockTicket }),
    },
    (body) => sessionReplySchema.safeParse(body).data,
  );
}

const clockTicketReplySchema = z.object({ clockTicket: nonEmpty });

/** The server's signed clock (docs/server-checks.md, "Play before the anchor"). */
export function postClockTicket(api: ApiContext): Promise<ApiResult<string>> {
  return call(
    api,
    '/api/v1/clock-ticket',
    { method: 'POST' },
    (body) => clockTicketReplySchema.safeParse(body).data?.clockTicket,
  );
}

export function getProgress(
  api: ApiContext,
  token: string,
  courseId: string,
): Promise<ApiResult<ServerLessonProgress[]>> {
  return call(
    api,
    `/api/v1/progress?course=${encodeURIComponent(courseId)}`,
    { method: 'GET', headers: bearer(token) },
    (body) => progressReplySchema.safeParse(body).data?.lessons,
  );
}

/** The global fetch, looked up at call time (so test interceptors installed later still apply). */
export const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);
