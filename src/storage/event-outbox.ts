import type { EventDelivery, RuntutDb, StoredLessonEvent } from './runtut-db.ts';

function byDelivery(db: RuntutDb, delivery: EventDelivery, participantId: string) {
  return db.events
    .where('[delivery+localId]')
    .between([delivery, 0], [delivery, Number.MAX_SAFE_INTEGER])
    .filter((row) => row.participantId === participantId);
}

/** The pending part of the event log, read oldest first by the sync loop. */
export function createEventOutbox(db: RuntutDb) {
  return {
    async oldestPending(participantId: string, limit: number): Promise<StoredLessonEvent[]> {
      return byDelivery(db, 'pending', participantId)
        .limit(limit)
        .toArray();
    },

    async countPending(participantId: string): Promise<number> {
      return byDelivery(db, 'pending', participantId)
        .count();
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
