import { readMeta, writeMeta } from '../storage/device-meta.ts';
import { createEventOutbox, summarizeSetAside } from '../storage/event-outbox.ts';
import type { RuntutDb } from '../storage/runtut-db.ts';
import { globalFetch, type ApiContext, type ApiFailure, type FetchLike } from './api-client.ts';
import { backoffDelay } from './backoff.ts';
import { BATCH_BYTES, BATCH_EVENTS } from './batches.ts';
import {
  adoptProvisionalIdentity,
  identityToFollow,
  readIdentity,
  requestDemoSession,
  requestSessionWithTicket,
  sweepRetiredParticipants,
  type Identity,
} from './identity.ts';
import { isOutboxNews, openChannel, SYNC_CHANNEL, type OutboxNews } from './local-writes.ts';
import { browserNetwork, type NetworkSignals } from './network-signals.ts';
import { sendPendingEvents, type PassReport, type SendOptions } from './outbox-sender.ts';
import { browserLocks, withSyncLock, type LockManagerLike } from './sync-lock.ts';
import { statusOf, type SyncStatus } from './sync-status.ts';

export interface SyncTiming {
  baseDelayMs: number;
  maxDelayMs: number;
  /** How often to look for pending events when nothing failed. */
  pollIntervalMs: number;
  requestTimeoutMs: number;
  batchEvents: number;
  batchBytes: number;
}

export const DEFAULT_TIMING: SyncTiming = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  pollIntervalMs: 30_000,
  requestTimeoutMs: 15_000,
  batchEvents: BATCH_EVENTS,
  batchBytes: BATCH_BYTES,
};

export interface StartSyncOptions {
  db: RuntutDb;
  identity: Identity;
  apiBase: string;
  onStatus: (status: SyncStatus) => void;
  /** The participant changed (a provisional or lost demo session was replaced): reload progress. */
  onIdentity?: (identity: Identity) => void;
  /** What the server credits for the lessons each acknowledged batch changed. */
  onServerLessons?: SendOptions['onServerLessons'];
  fetchImpl?: FetchLike;
  /** Defaults to navigator.locks; null syncs without a lock. */
  locks?: LockManagerLike | null;
  network?: NetworkSignals;
  now?: () => Date;
  random?: () => number;
  timing?: Partial<SyncTiming>;
  channelName?: string;
}

export interface SyncHandle {
  /** Send now (after a completion is saved, or a "try again" tap). */
  syncNow(): void;
  stop(): void;
}

const LAST_SYNCED_KEY = 'lastSyncedAt';

/**
 * The sync loop of one tab. Passes run at start, on `online`, on `syncNow()` and on a timer; only
 * the tab holding the Web Lock sends. A failed pass waits an exponential, jittered delay; an
 * identity failure (401/403) waits for `online`, `syncNow()` or a new launch instead of
 * resending whole batches on a metered link.
 */
export function startSync(options: StartSyncOptions): SyncHandle {
  const { db, onStatus } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const network = options.network ?? browserNetwork();
  const locks = options.locks === null ? undefined : (options.locks ?? browserLocks());
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const outbox = createEventOutbox(db);
  const stopping = new AbortController();
  const api: ApiContext = {
    apiBase: options.apiBase,
    fetch: options.fetchImpl ?? globalFetch,
    timeoutMs: timing.requestTimeoutMs,
    signal: stopping.signal,
  };

  let identity = options.identity;
  let failure: ApiFailure | undefined;
  let failuresInARow = 0;
  let renewedAfterAuth = false;
  let lastSyncedAt: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let runAgain = false;
  let stopped = false;

  const channel = openChannel(options.channelName ?? SYNC_CHANNEL);
  const announce = (news: OutboxNews) => channel?.postMessage(news);

  // Status reads are chained so a slower, older count never overwrites a newer one.
  let publishing: Promise<void> = Promise.resolve();
  function publish(): Promise<void> {
    publishing = publishing.then(publishNow).catch(() => undefined);
    return publishing;
  }

  async function publishNow(): Promise<void> {
    if (stopped) return;
    const participantId = identity.participantId;
    const [pending, aside] = await Promise.all([
      outbox.countPending(participantId),
      summarizeSetAside(db, participantId),
    ]);
    if (stopped) return;
    onStatus(
      statusOf({
        online: network.isOnline(),
        pending,
        invalid: aside.count,
        rejected: aside.reasons,
        failure,
        mode: identity.mode,
        lastSyncedAt,
      }),
    );
  }

  function switchTo(next: Identity): void {
    identity = next;
    options.onIdentity?.(next);
  }

  /**
   * Replaces a provisional (or refused demo) participant by a new server session. Only pending
   * events follow: delivered ones are stored under the old id, and the server answers `conflict`
   * for an id it already holds for someone else.
   */
  async function renewDemoSession(): Promise<ApiFailure | undefined> {
    const session =
      identity.token === null
        ? await requestSessionWithTicket(db, api)
        : await requestDemoSession(api);
    if (!session) return { kind: 'network' };
    await adoptProvisionalIdentity(db, identity, session);
    switchTo(session);
    return undefined;
  }

  async function pass(): Promise<PassReport> {
    if (!network.isOnline()) return { delivered: 0, setAside: 0, failure: { kind: 'network' } };
    // Another tab may have adopted or renewed the identity, or launched with a newer token.
    const follow = identityToFollow(identity, await readIdentity(db));
    if (follow && follow.participantId === identity.participantId) identity = follow;
    else if (follow) switchTo(follow);
    if (identity.token === null) {
      const failed = await renewDemoSession();
      if (failed) return { delivered: 0, setAside: 0, failure: failed };
    }
    await sweepRetiredParticipants(db, identity);
    const send = (token: string) =>
      sendPendingEvents(db, identity.participantId, token, api, {
        batchEvents: timing.batchEvents,
        batchBytes: timing.batchBytes,
        onBatch: publish,
        ...(options.onServerLessons ? { onServerLessons: options.onServerLessons } : {}),
      });
    let report = await send(identity.token ?? '');
    if (report.failure?.kind === 'auth' && identity.mode === 'demo' && !renewedAfterAuth) {
      // The server refuses this demo token (secret changed, token expired): start a new
      // session once, hand it this device's progress and pending events, and send again.
      const failed = await renewDemoSession();
      // Only a session actually obtained uses up the one renewal: a network failure retries.
      renewedAfterAuth = !failed;
      report = failed ? { ...report, failure: failed } : await send(identity.token ?? '');
    }
    if (!report.failure) renewedAfterAuth = false;
    return report;
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void run(), delayMs);
  }

  async function run(): Promise<void> {
    if (stopped) return;
    if (running) {
      runAgain = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    let report: PassReport | 'busy';
    try {
      report = await withSyncLock(locks, pass);
    } catch {
      // IndexedDB trouble (quota, a blocked upgrade): treat like a server failure and retry.
      report = { delivered: 0, setAside: 0, failure: { kind: 'server', status: 0 } };
    }
    running = false;
    if (stopped) return;
    if (report === 'busy') {
      schedule(timing.pollIntervalMs);
    } else {
      failure = report.failure;
      if (report.delivered + report.setAside > 0) announce({ type: 'outbox-changed' });
      if (!failure && report.delivered > 0) {
        lastSyncedAt = now().toISOString();
        await writeMeta(db, LAST_SYNCED_KEY, lastSyncedAt).catch(() => undefined);
      }
      if (!failure) {
        failuresInARow = 0;
        schedule(timing.pollIntervalMs);
      } else if (failure.kind !== 'auth') {
        failuresInARow += 1;
        const wait = failure.kind === 'server' ? failure.retryAfterMs : undefined;
        schedule(wait ?? backoffDelay(failuresInARow, random, timing));
      }
    }
    await publish();
    if (runAgain && !failure) {
      runAgain = false;
      void run();
    }
    runAgain = false;
  }

  if (channel) {
    channel.onmessage = (message: MessageEvent) => {
      if (isOutboxNews(message.data)) void publish();
    };
  }
  const unsubscribe = network.subscribe((online) => {
    if (online) {
      failuresInARow = 0;
      void run();
    } else {
      void publish();
    }
  });

  void readMeta<string>(db, LAST_SYNCED_KEY)
    .then((stored) => {
      lastSyncedAt ??= stored;
    })
    .catch(() => undefined)
    .finally(() => void run());

  return {
    syncNow() {
      void run();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      stopping.abort();
      unsubscribe();
      channel?.close();
    },
  };
}
