import type { RuntutDb } from './runtut-db.ts';

/** Small key-value facts about this device, kept in the `meta` table. */
export async function readMeta<T>(db: RuntutDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function writeMeta(db: RuntutDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** A stable random id for this browser profile, created on first use. */
export async function deviceIdOf(db: RuntutDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await readMeta<string>(db, 'deviceId');
    if (existing) return existing;
    const created = crypto.randomUUID();
    await writeMeta(db, 'deviceId', created);
    return created;
  });
}

/** Next per-device sequence number. Call inside the transaction that writes the event. */
export async function takeNextSeq(db: RuntutDb): Promise<number> {
  const current = (await readMeta<number>(db, 'seq')) ?? 0;
  await writeMeta(db, 'seq', current + 1);
  return current;
}

export interface LastLesson {
  courseId: string;
  lessonId: string;
}
