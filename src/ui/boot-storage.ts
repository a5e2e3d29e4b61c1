import type { RuntutStore } from '../store/runtut-store.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createProgressRepository } from '../storage/progress-repository.ts';
import type { LessonProgressRecord, RuntutDb } from '../storage/runtut-db.ts';
import { connectSync } from './boot-sync.ts';

/**
 * The part of start-up the first screen does not wait for (its own chunk: Dexie and the sync
 * loop are a third of the app's script): open Dexie, resolve who is watching, merge what the
 * server knows, start the outbox, and read the settled progress of this course.
 */
export async function startStorage(options: {
  store: RuntutStore;
  courseId: string;
  launchToken: string | null;
}): Promise<{ db: RuntutDb | null; syncNow(): void; rows: LessonProgressRecord[] }> {
  const { store, courseId } = options;
  const db = await openDatabase();
  if (!db) store.getState().setStorageHealth('unavailable');
  const connection = await connectSync({ db, store, courseId, launchToken: options.launchToken });
  const participantId = store.getState().participantId ?? 'local';
  const rows = db
    ? await createProgressRepository(db)
        .loadCourse(participantId, courseId)
        .catch(() => [])
    : [];
  return { db, syncNow: connection.syncNow, rows };
}
