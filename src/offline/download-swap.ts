import type { DownloadRecord, MediaDb, StoredFile } from './media-db.ts';
import { createMediaStore } from './media-store.ts';

/**
 * A lesson's verified files replace any older copies in one transaction, so the player sees the
 * old lesson or the new one, never a mix: until then the old copy keeps playing.
 */
export async function swapInDownload(
  db: MediaDb,
  record: DownloadRecord,
  verified: readonly StoredFile[],
): Promise<void> {
  const store = createMediaStore(db);
  await db.transaction('rw', db.files, db.chunks, db.downloads, async () => {
    for (const file of verified) {
      if (file.id === undefined) continue;
      if (file.staging === 1) {
        const older = await store.servable(file.url);
        if (older?.id !== undefined) await store.remove([older.id]);
      }
      await db.files.update(file.id, {
        staging: 0,
        pinned: true,
        complete: true,
        size: file.size,
        lastUsed: Date.now(),
      });
    }
    const bytesTotal = verified.reduce((sum, file) => sum + (file.size ?? 0), 0);
    await db.downloads.update(record.key, { bytesTotal });
    record.bytesTotal = bytesTotal;
  });
}

/** Removes a download's partial (staging) files. */
export async function removeStaging(db: MediaDb, record: DownloadRecord): Promise<void> {
  const store = createMediaStore(db);
  const ids: number[] = [];
  for (const file of record.files) {
    const staging = await store.staging(file.url);
    if (staging?.id !== undefined) ids.push(staging.id);
  }
  await store.remove(ids);
}

/**
 * Deletes a stored lesson: its record and every file no other download still needs. The files
 * go entirely (not back to the playback cache): deleting is how the participant frees space.
 */
export async function deleteDownload(db: MediaDb, key: string): Promise<void> {
  const store = createMediaStore(db);
  await db.transaction('rw', db.files, db.chunks, db.downloads, async () => {
    const record = await db.downloads.get(key);
    if (!record) return;
    await db.downloads.delete(key);
    const stillNeeded = new Set(
      (await db.downloads.toArray()).flatMap((other) => other.files.map((file) => file.url)),
    );
    const ids: number[] = [];
    for (const file of record.files) {
      if (stillNeeded.has(file.url)) continue;
      for (const stored of await db.files
        .where('[url+staging]')
        .between([file.url, 0], [file.url, 1], true, true)
        .toArray()) {
        if (stored.id !== undefined) ids.push(stored.id);
      }
    }
    await store.remove(ids);
  });
}
