import { readMeta, writeMeta } from '../storage/device-meta.ts';
import { moveParticipantRows } from '../storage/participant-adoption.ts';
import type { RuntutDb } from '../storage/runtut-db.ts';
import { globalFetch, postSession, type ApiContext, type FetchLike } from './api-client.ts';
import { forgetClockTicket, keepClockTicket, readClockTicket } from './clock-ticket.ts';
import { launchTokenSubject } from './launch-token.ts';

/**
 * Who this device is keeping progress for. `token` is null for a provisional demo participant
 * created offline: their progress is kept locally and adopted by a real session later.
 */
export interface Identity {
  participantId: string;
  token: string | null;
  mode: 'demo' | 'provider';
}

export const IDENTITY_META_KEY = 'identity';

export class LaunchTokenError extends Error {
  constructor() {
    super('The launch token carries no participant (sub claim)');
    this.name = 'LaunchTokenError';
  }
}

export interface ResolveIdentityOptions {
  apiBase: string;
  /** The `?launch=` JWT from the page URL (provider mode). */
  launchToken?: string | undefined;
  fetchImpl?: FetchLike | undefined;
  /** How long to wait for a demo session before starting provisionally (slow links). */
  timeoutMs?: number | undefined;
}

export function readIdentity(db: RuntutDb): Promise<Identity | undefined> {
  return readMeta<Identity>(db, IDENTITY_META_KEY);
}

/**
 * Provider mode: the launch token names the participant and is the bearer token; a new one
 * replaces the stored one. Demo mode: the stored identity, else a new server session, else (no
 * network) a provisional participant so the lesson can start at once.
 */
export async function resolveIdentity(
  db: RuntutDb,
  options: ResolveIdentityOptions,
): Promise<Identity> {
  if (options.launchToken) {
    const participantId = launchTokenSubject(options.launchToken);
    if (!participantId) throw new LaunchTokenError();
    const identity: Identity = { participantId, token: options.launchToken, mode: 'provider' };
    await writeMeta(db, IDENTITY_META_KEY, identity);
    return identity;
  }
  const stored = await readIdentity(db);
  if (stored) return stored;
  const api = {
    apiBase: options.apiBase,
    fetch: options.fetchImpl ?? globalFetch,
    timeoutMs: options.timeoutMs ?? 8_000,
  };
  const session = await withClockTicketFallback(db, api, requestDemoSession(api));
  const identity = session ?? {
    participantId: crypto.randomUUID(),
    token: null,
    mode: 'demo' as const,
  };
  // Another tab may have resolved first: keep whichever identity was stored first.
  return db.transaction('rw', db.meta, async () => {
    const raced = await readIdentity(db);
    if (raced) return raced;
    await writeMeta(db, IDENTITY_META_KEY, identity);
    return identity;
  });
}

/** A session this slow in coming may not come: the device asks for a clock ticket meanwhile. */
const SESSION_PATIENCE_MS = 2_000;
/** The ticket may take its time on a slow link: the participant is not waiting for it. */
const TICKET_TIMEOUT_MS = 30_000;

/**
 * While a first session is late or fails, the device asks for the server's clock ticket in the
 * background and keeps it: the session made later (online again) is anchored at that moment,
 * so what is played offline meanwhile is credited (docs/server-checks.md). A session that
 * comes in time costs no extra request.
 */
async function withClockTicketFallback(
  db: RuntutDb,
  api: ApiContext,
  session: Promise<Identity | undefined>,
): Promise<Identity | undefined> {
  let asked = false;
  const askForTicket = () => {
    if (asked) return;
    asked = true;
    void keepClockTicket(db, { ...api, timeoutMs: TICKET_TIMEOUT_MS }).catch(() => undefined);
  };
  const timer = setTimeout(askForTicket, SESSION_PATIENCE_MS);
  const result = await session;
  clearTimeout(timer);
  if (!result) askForTicket();
  return result;
}

/**
 * A new demo session from the server, or undefined when it cannot be had now. With a clock
 * ticket the session is anchored at the ticket's time; a ticket the server no longer accepts
 * (its secret changed) is dropped and the session made without it.
 */
export async function requestDemoSession(
  api: ApiContext,
  clockTicket?: string,
): Promise<Identity | undefined> {
  let reply = await postSession(api, clockTicket);
  if (!reply.ok && reply.kind === 'refused' && clockTicket !== undefined) {
    reply = await postSession(api);
  }
  if (!reply.ok) return undefined;
  return { participantId: reply.value.participantId, token: reply.value.token, mode: 'demo' };
}

/**
 * A session for a device that has none yet (provisional): with the clock ticket it kept, which
 * is spent once the session exists. When it cannot be had, a ticket is asked for instead.
 */
export async function requestSessionWithTicket(
  db: RuntutDb,
  api: ApiContext,
): Promise<Identity | undefined> {
  const ticket = await readClockTicket(db);
  const session = await requestDemoSession(api, ticket);
  if (!session) {
    if (ticket === undefined) await keepClockTicket(db, api).catch(() => undefined);
    return undefined;
  }
  if (ticket !== undefined) await forgetClockTicket(db).catch(() => undefined);
  return session;
}

/**
 * Hands everything the provisional (or lost) participant did on this device to `real`, and makes
 * `real` the stored identity, in ONE transaction: progress rows and event rows move together, so
 * the outbox never holds events for a participant whose progress is elsewhere.
 */
export async function adoptProvisionalIdentity(
  db: RuntutDb,
  provisional: Identity,
  real: Identity,
  options: { requeueDelivered?: boolean } = {},
): Promise<void> {
  await db.transaction('rw', db.progress, db.events, db.meta, async () => {
    await moveParticipantRows(db, provisional.participantId, real.participantId, options);
    const retired = (await readMeta<string[]>(db, RETIRED_META_KEY)) ?? [];
    if (!retired.includes(provisional.participantId)) {
      await writeMeta(db, RETIRED_META_KEY, [...retired, provisional.participantId]);
    }
    await writeMeta(db, IDENTITY_META_KEY, real);
  });
}

const RETIRED_META_KEY = 'retiredParticipants';

/**
 * Moves rows written under an adopted (retired) participant id after its adoption, e.g. by a tab
 * that had not yet heard of the new identity, to the current participant, so no event is left
 * where no sync loop looks. Returns how many event rows moved.
 */
export async function sweepRetiredParticipants(db: RuntutDb, current: Identity): Promise<number> {
  if (current.mode !== 'demo') return 0;
  const retired = (await readMeta<string[]>(db, RETIRED_META_KEY)) ?? [];
  let moved = 0;
  for (const participantId of retired) {
    if (participantId === current.participantId) continue;
    moved += (await moveParticipantRows(db, participantId, current.participantId)).events;
  }
  return moved;
}

/**
 * The stored identity this tab should switch to, if any: a newer token for the same participant
 * (a new launch in another tab), or a demo participant another tab adopted or renewed.
 */
export function identityToFollow(
  current: Identity,
  stored: Identity | undefined,
): Identity | undefined {
  if (!stored) return undefined;
  if (stored.participantId === current.participantId) {
    return stored.token !== null && stored.token !== current.token ? stored : undefined;
  }
  return current.mode === 'demo' && stored.mode === 'demo' && stored.token !== null
    ? stored
    : undefined;
}
