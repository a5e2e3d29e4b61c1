import { pruneDelivered } from './outbox-bound.ts';
import type { EventDelivery, RuntutDb, StoredLessonEvent } from './runtut-db.ts';

function byDelivery(db: RuntutDb, delivery: EventDelivery, participantId: string) {
  return db.events
    .where('[participantId+delivery+localId]')
    .between([participantId, delivery, 0], [participantId, delivery, Number.MAX_SAFE_INTEGER]);
}

/** The pending part of the event log, read oldest first by the sync loop. */
export function createEventOutbox(db: RuntutDb) {
  return {
    async oldestPending(participantId: string, limit: number): Promise<StoredLessonEvent[]> {
      return byDelivery(db, 'pending', participantId).limit(limit).toArray();
    },

    async countPending(participantId: string): Promise<number> {
      return byDelivery(db, 'pending', participantId).count();
    },

    async markDelivered(localIds: number[]): Promise<void> {
      await db.events.where('localId').anyOf(localIds).modify({ delivery: 'delivered' });
    },

    async markInvalid(localId: number, reason: string): Promise<void> {
      await db.events.update(localId, { delivery: 'invalid', reason });
    },

    async invalidEvents(participantId: string): Promise<StoredLessonEvent[]> {
      return byDelivery(db, 'invalid', participantId).toArray();
    },
  };
}

export type EventOutbox = ReturnType<typeof createEventOutbox>;

/** What the server said about one sent event, keyed by its local row. */
export interface DeliveryOutcome {
  delivered: number[];
  setAside: { localId: number; reason: string }[];
}

/**
 * Applies one batch's acknowledgements in a single transaction: a crash mid-way cannot leave an
 * acknowledged event pending (resent, then counted as duplicate) or half the batch marked.
 * Acknowledged rows past the newest few are deleted in the same transaction (outbox-bound.ts).
 */
export async function applyDeliveryOutcome(db: RuntutDb, outcome: DeliveryOutcome): Promise<void> {
  if (outcome.delivered.length === 0 && outcome.setAside.length === 0) return;
  await db.transaction('rw', db.events, async () => {
    if (outcome.delivered.length > 0) {
      await db.events.where('localId').anyOf(outcome.delivered).modify({ delivery: 'delivered' });
    }
    for (const { localId, reason } of outcome.setAside) {
      await db.events.update(localId, { delivery: 'invalid', reason });
    }
    await pruneDelivered(db);
  });
}

export interface SetAsideSummary {
  count: number;
  /** Distinct reasons the server gave, most frequent first, for the participant to read. */
  reasons: { reason: string; count: number }[];
}

export async function summarizeSetAside(
  db: RuntutDb,
  participantId: string,
): Promise<SetAsideSummary> {
  const rows = await byDelivery(db, 'invalid', participantId).toArray();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const reason = row.reason ?? 'invalid';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const reasons = [...counts].map(([reason, count]) => ({ reason, count }));
  reasons.sort((a, b) => b.count - a.count);
  return { count: rows.length, reasons };
}
