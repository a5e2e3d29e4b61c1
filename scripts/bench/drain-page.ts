/**
 * The bench page's script (built by scripts/bench/drain.ts and served by the real server):
 * seeds this browser's IndexedDB with an offline backlog, then times the real sync loop
 * draining it over loopback.
 */
import { createEventOutbox } from '../../src/storage/event-outbox.ts';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import type { Identity } from '../../src/sync/identity.ts';
import { startSync } from '../../src/sync/start-sync.ts';
import type { SyncStatus } from '../../src/sync/sync-status.ts';
import { seedOfflineViewing } from './drain-seed.ts';

export interface DrainRun {
  milliseconds: number;
  finalStatus: SyncStatus;
  statuses: number;
}

const db = new RuntutDb('runtut-bench');

async function seed(identity: Identity, count: number): Promise<number> {
  await seedOfflineViewing(db, identity.participantId, count);
  return createEventOutbox(db).countPending(identity.participantId);
}

function drain(identity: Identity, timeoutMs: number): Promise<DrainRun> {
  return new Promise((resolve, reject) => {
    let statuses = 0;
    const started = performance.now();
    const timer = setTimeout(() => {
      sync.stop();
      reject(new Error(`not drained after ${timeoutMs} ms`));
    }, timeoutMs);
    const sync = startSync({
      db,
      identity,
      apiBase: '',
      onStatus(status) {
        statuses += 1;
        if (status.state === 'error') console.warn('sync error', JSON.stringify(status));
        if (status.state !== 'synced' || status.pending > 0) return;
        const milliseconds = performance.now() - started;
        clearTimeout(timer);
        sync.stop();
        resolve({ milliseconds, finalStatus: status, statuses });
      },
    });
  });
}

declare global {
  interface Window {
    runtutDrain?: { seed: typeof seed; drain: typeof drain };
  }
}

window.runtutDrain = { seed, drain };
