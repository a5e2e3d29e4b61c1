import { Dexie } from 'dexie';
import type { RuntutDb } from './runtut-db.ts';
import { mergeProgressRecords } from './merge-progress.ts';

export interface MoveOptions {
  /**
   * Also put already-delivered events back in the outbox: used when the server no longer knows
   * the old participant (a lost demo session), so the new one must hear the whole history.
   */
  requeueDelivered?: boolean;
}

/**
 * Moves every progress row and event row of `fromId` to `toId`. Runs in the caller's transaction
 * when there is one over progress and events (Dexie reuses it), else in its own: either all rows
 * move or none do. A lesson both ids have is merged without losing what either played.
 */
export async function moveParticipantRows(
  db: RuntutDb,
  fromId: string,
  toId: string,
  options: MoveOptions = {},
): Promise<{ progress: number; events: number }> {
  if (fromId === toId) return { progress: 0, events: 0 };
  return db.transaction('rw', db.progress, db.events, async () => {
    const rows = await db.progress
      .where('[participantId+courseId]')
      .between([fromId, Dexie.minKey], [fromId, Dexie.maxKey])
      .toArray();
    for (const row of rows) {
      const moved = { ...row, participantId: toId };
      const existing = await db.progress.get([toId, row.courseId, row.lessonId]);
      await db.progress.put(existing ? mergeProgressRecords(existing, moved) : moved);
      await db.progress.delete([fromId, row.courseId, row.lessonId]);
    }
    const events = await db.events
      .where('participantId')
      .equals(fromId)
      .modify((row) => {
        row.participantId = toId;
        if (options.requeueDelivered && row.delivery === 'delivered') row.delivery = 'pending';
      });
    return { progress: rows.length, events };
  });
}
