import { KEEP_DELIVERED, mergeProgressEvents, OUTBOX_BOUND } from '../domain/outbox-bound.ts';
import type { RuntutDb, StoredLessonEvent } from './runtut-db.ts';

const pendingOf = (db: RuntutDb, participantId: string) =>
  db.events
    .where('[participantId+delivery+localId]')
    .between([participantId, 'pending', 0], [participantId, 'pending', Number.MAX_SAFE_INTEGER]);

/**
 * Cheap test before counting: pending rows of a participant all lie between its oldest pending
 * row and the newest row of the table, so a short span means the outbox cannot be full.
 */
async function mayBeFull(db: RuntutDb, participantId: string, bound: number): Promise<boolean> {
  const oldest = await pendingOf(db, participantId).first();
  const newest = await db.events.toCollection().lastKey();
  if (oldest?.localId === undefined || typeof newest !== 'number') return false;
  return newest - oldest.localId + 1 >= bound;
}

/**
 * Adds one event row to the outbox, inside the caller's transaction over events. Below the
 * bound it is simply added. At the bound a progress event replaces the newest unsent row when
 * that reports the same lesson (merged, under a new id and row); anything else is still added.
 * Nothing unsent is ever dropped: the outbox stops growing while one lesson is watched offline.
 */
export async function addWithinBound(
  db: RuntutDb,
  row: StoredLessonEvent,
  bound = OUTBOX_BOUND,
): Promise<void> {
  if (row.event.type === 'progress' && (await mayBeFull(db, row.participantId, bound))) {
    if ((await pendingOf(db, row.participantId).count()) >= bound) {
      const newest = await pendingOf(db, row.participantId).reverse().first();
      const merged = newest ? mergeProgressEvents(newest.event, row.event) : undefined;
      if (newest?.localId !== undefined && merged) {
        // A new row: an acknowledgement for the old one, if it was in flight, then finds nothing.
        await db.events.delete(newest.localId);
        await db.events.add({ ...row, event: merged });
        return;
      }
    }
  }
  await db.events.add(row);
}

/**
 * Deletes acknowledged rows beyond the newest KEEP_DELIVERED, inside the caller's transaction.
 * The server has them; progress rows (kept) hold what this device needs, and a restore reads
 * the server's progress, never these rows.
 */
export async function pruneDelivered(db: RuntutDb): Promise<number> {
  const delivered = db.events
    .where('[delivery+localId]')
    .between(['delivered', 0], ['delivered', Number.MAX_SAFE_INTEGER]);
  const excess = (await delivered.count()) - KEEP_DELIVERED;
  if (excess <= 0) return 0;
  const oldest = await delivered.limit(excess).primaryKeys();
  await db.events.bulkDelete(oldest);
  return oldest.length;
}
