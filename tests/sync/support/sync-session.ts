import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { createEventOutbox } from '../../../src/storage/event-outbox.ts';
import { RuntutDb } from '../../../src/storage/runtut-db.ts';
import { globalFetch } from '../../../src/sync/api-client.ts';
import { requestDemoSession, type Identity } from '../../../src/sync/identity.ts';
import type { NetworkSignals } from '../../../src/sync/network-signals.ts';
import {
  startSync,
  type StartSyncOptions,
  type SyncHandle,
  type SyncTiming,
} from '../../../src/sync/start-sync.ts';
import type { LockManagerLike } from '../../../src/sync/sync-lock.ts';
import type { SyncStatus } from '../../../src/sync/sync-status.ts';
import { API_BASE } from './faulty-network.ts';
import { createTestNetwork } from './test-network.ts';

/** Fast clocks for tests: the same loop, with milliseconds where production has seconds. */
export const TEST_TIMING: Partial<SyncTiming> = {
  baseDelayMs: 10,
  maxDelayMs: 80,
  pollIntervalMs: 100,
  requestTimeoutMs: 300,
};

export function freshDbName(): string {
  return `runtut-sync-${crypto.randomUUID()}`;
}

export async function demoIdentity(): Promise<Identity> {
  const identity = await requestDemoSession({
    apiBase: API_BASE,
    fetch: globalFetch,
    timeoutMs: 5_000,
  });
  if (!identity) throw new Error('the server gave no demo session');
  return identity;
}

/** One "tab": its own Dexie connection and sync loop, recording every status it publishes. */
export interface TestTab {
  db: RuntutDb;
  sync: SyncHandle;
  statuses: SyncStatus[];
  identity(): Identity;
  last(): SyncStatus | undefined;
  /** Waits until a published status satisfies `check` (fails the test after `timeout` ms). */
  waitFor(check: (status: SyncStatus) => boolean, timeout?: number): Promise<SyncStatus>;
  close(): Promise<void>;
}

export function openTab(options: {
  dbName: string;
  identity: Identity;
  network?: NetworkSignals;
  locks?: LockManagerLike | null;
  timing?: Partial<SyncTiming>;
  extra?: Partial<StartSyncOptions>;
}): TestTab {
  const db = new RuntutDb(options.dbName);
  const statuses: SyncStatus[] = [];
  let identity = options.identity;
  const sync = startSync({
    db,
    identity,
    apiBase: API_BASE,
    onStatus: (status) => statuses.push(status),
    onIdentity: (next) => {
      identity = next;
    },
    network: options.network ?? createTestNetwork(true),
    locks: options.locks ?? null,
    timing: { ...TEST_TIMING, ...options.timing },
    random: () => 1,
    ...options.extra,
  });
  return {
    db,
    sync,
    statuses,
    identity: () => identity,
    last: () => statuses.at(-1),
    async waitFor(check, timeout = 15_000) {
      return vi.waitFor(
        () => {
          const found = statuses.findLast(check);
          if (!found)
            throw new Error(`no matching status yet; last: ${JSON.stringify(statuses.at(-1))}`);
          return found;
        },
        { timeout, interval: 10 },
      );
    },
    async close() {
      sync.stop();
      db.close();
    },
  };
}

export async function pendingCount(db: RuntutDb, participantId: string): Promise<number> {
  return createEventOutbox(db).countPending(participantId);
}
