import { parseLanguage, type Language } from './language.ts';

/**
 * The message protocol between a provider's page (the host) and the embedded player (the
 * frame). Every message is a plain object tagged `runtut: <version>`: requests carry `id` and
 * `method`, answers the same `id` and `result` or `error`, events `event` and `data`. This file
 * decides only what a message may ask; who sent it is checked first (embed-origins.ts).
 */
export const EMBED_PROTOCOL_VERSION = 1;

export const EMBED_EVENTS = [
  'ready',
  'lessonstarted',
  'progress',
  'lessoncompleted',
  'coursecompleted',
  'syncstatechange',
  'error',
] as const;
export type EmbedEvent = (typeof EMBED_EVENTS)[number];

export const EMBED_METHODS = ['getProgress', 'openLesson', 'setLanguage'] as const;
export type EmbedMethod = (typeof EMBED_METHODS)[number];

/** Frame → host only, not part of the public event list: the content's height in CSS pixels. */
export const RESIZE_MESSAGE = 'resize';

export type HostRequest =
  | { method: 'getProgress' }
  | { method: 'openLesson'; lessonId: string }
  | { method: 'setLanguage'; language: Language };

export type RequestRefusal =
  'not-a-request' | 'unknown-method' | 'invalid-params' | 'lesson-locked' | 'lesson-unknown';

export type ParsedRequest =
  | { ok: true; id: number | string; request: HostRequest }
  | { ok: false; id: number | string | undefined; reason: RequestRefusal };

const MAX_ID_LENGTH = 64;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function idOf(data: Record<string, unknown>): number | string | undefined {
  const { id } = data;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) return id;
  return undefined;
}

/**
 * Reads a request from the host. Anything else — an event the host pretends the frame sent
 * (`{event: 'lessoncompleted'}`), a command the table lacks ("complete"), a wrong version —
 * is refused here and changes nothing.
 */
export function parseHostRequest(data: unknown): ParsedRequest {
  if (!isRecord(data) || data.runtut !== EMBED_PROTOCOL_VERSION)
    return { ok: false, id: undefined, reason: 'not-a-request' };
  const id = idOf(data);
  if (id === undefined || typeof data.method !== 'string')
    return { ok: false, id, reason: 'not-a-request' };
  const params = isRecord(data.params) ? data.params : {};
  switch (data.method) {
    case 'getProgress':
      return { ok: true, id, request: { method: 'getProgress' } };
    case 'openLesson': {
      const lessonId = params.lessonId;
      if (typeof lessonId !== 'string' || lessonId.length === 0 || lessonId.length > 64)
        return { ok: false, id, reason: 'invalid-params' };
      return { ok: true, id, request: { method: 'openLesson', lessonId } };
    }
    case 'setLanguage': {
      const language = parseLanguage(typeof params.language === 'string' ? params.language : null);
      if (!language) return { ok: false, id, reason: 'invalid-params' };
      return { ok: true, id, request: { method: 'setLanguage', language } };
    }
    default:
      return { ok: false, id, reason: 'unknown-method' };
  }
}

/** The handshake the frame sends first: the host learns what it may call and hear. */
export function readyPayload(courseId: string, lessonId: string | null) {
  return {
    protocolVersion: EMBED_PROTOCOL_VERSION,
    events: [...EMBED_EVENTS],
    methods: [...EMBED_METHODS],
    courseId,
    lessonId,
  };
}
