import { probe, type StoredIdentity } from './page-probe.ts';
import { playerTarget, type Participant, type RunContext } from './run-context.ts';

/**
 * The progress API as the runner uses it: it asks the server directly (from Node, never through
 * the page, which may be offline or tampered with) what it recorded for a participant.
 */

export interface ServerLesson {
  lessonId: string;
  completedAt?: string | null;
  watchedSeconds?: number;
  coverage?: number;
  [field: string]: unknown;
}

export async function createDemoParticipant(baseUrl: string): Promise<Participant> {
  const response = await fetch(new URL('/api/v1/session', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json().catch(() => undefined)) as Partial<Participant> | undefined;
  if (!response.ok || !body?.token || !body.participantId) {
    throw new Error(`POST /api/v1/session answered ${response.status} without a token`);
  }
  return { token: body.token, participantId: body.participantId };
}

/** The token of `who`: the page's participant (read from IndexedDB `meta`), a named one, or none. */
export async function tokenOf(
  ctx: RunContext,
  who: string,
): Promise<{ token: string | null; participantId: string | null }> {
  if (who === 'none') return { token: null, participantId: null };
  if (who === 'page') {
    const stored = await probe<StoredIdentity>(await playerTarget(ctx), 'identity');
    if (!stored.identity)
      throw new Error('the page has no participant in IndexedDB (meta "identity") yet');
    if (!stored.identity.token)
      throw new Error('the page has only a provisional participant, with no server token yet');
    return { token: stored.identity.token, participantId: stored.identity.participantId };
  }
  const named = ctx.participants.get(who);
  if (!named)
    throw new Error(
      `no participant named "${who}": create one with {"do": "newParticipant", "name": "${who}"}`,
    );
  return named;
}

export async function serverLessons(ctx: RunContext, who: string): Promise<ServerLesson[]> {
  const { token } = await tokenOf(ctx, who);
  const url = new URL(
    `/api/v1/progress?course=${encodeURIComponent(ctx.script.course)}`,
    ctx.baseUrl,
  );
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}`);
  const body = (await response.json()) as { lessons?: ServerLesson[] };
  if (!Array.isArray(body.lessons))
    throw new Error('the progress API answered without a "lessons" list');
  return body.lessons;
}

/** Whether the base URL answers at all (health first, then the root). */
export async function isReachable(baseUrl: string): Promise<boolean> {
  for (const path of ['/api/v1/health', '/']) {
    const ok = await fetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(5000) }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return true;
  }
  return false;
}
