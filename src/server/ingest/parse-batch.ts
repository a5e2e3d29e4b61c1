import type { ApiErrorCode } from '../http/api-error.ts';

export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 256 * 1024;

export type BatchParse = { ok: true; inputs: unknown[] } | { ok: false; code: ApiErrorCode };

/** Whole-request checks of POST /events: JSON, the {"events": [...]} shape, the event count. */
export function parseBatchBody(text: string): BatchParse {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, code: 'malformed-json' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, code: 'invalid-batch' };
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) return { ok: false, code: 'invalid-batch' };
  if (events.length > MAX_BATCH_EVENTS) return { ok: false, code: 'batch-too-large' };
  return { ok: true, inputs: events };
}
