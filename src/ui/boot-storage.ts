import type { RuntutStore } from '../store/runtut-store.ts';
import { openMemoryDatabase } from '../storage/memory-database.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createProgressRepository } from '../storage/progress-repository.ts';
import type { LessonProgressRecord, RuntutDb } from '../storage/runtut-db.ts';
import { connectSync, type ServerLessonsListener } from './boot-sync.ts';

/**
 * The part of start-up the first screen does not wait for (its own chunk: Dexie and the sync
 * loop are a third of the app's script): open Dexie, resolve who is watching, merge what the
 * server knows, start the outbox, and read the settled progress of this course. Where the
 * browser refuses IndexedDB, the same schema runs in memory (progress syncs while online).
 */
export async function startStorage(options: {
  store: RuntutStore;
  courseId: string;
  launchToken: string | null;
  onServerLessons?: ServerLessonsListener | undefined;
}): Promise<{
  db: RuntutDb | null;
  inMemory: boolean;
  syncNow(): void;
  rows: LessonProgressRecord[];
}> {
  const { store, courseId } = options;
  const durable = await openDatabase();
  const db = durable ?? (await openMemoryDatabase());
  if (!durable) store.getState().setStorageHealth('unavailable');
  const connection = await connectSync({
    db,
    store,
    courseId,
    launchToken: options.launchToken,
    inMemory: !durable,
    ...(options.onServerLessons ? { onServerLessons: options.onServerLessons } : {}),
  });
  const participantId = store.getState().participantId ?? 'local';
  const rows = db
    ? await createProgressRepository(db)
        .loadCourse(participantId, courseId)
        .catch(() => [])
    : [];
  return { db, inMemory: !durable, syncNow: connection.syncNow, rows };
}
