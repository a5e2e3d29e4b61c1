import { filesToEvict, playbackCacheBudget } from '../domain/offline/cache-eviction.ts';
import type { MediaDb } from './media-db.ts';
import { createMediaStore } from './media-store.ts';

/**
 * The playback cache: bytes fetched while watching, kept within a budget, least recently used
 * out first. Files of a complete download are pinned and not the cache's.
 */
export async function playbackCacheBytes(db: MediaDb): Promise<number> {
  let total = 0;
  await db.files.each((file) => {
    if (!file.pinned && file.staging === 0) total += file.storedBytes;
  });
  return total;
}

export async function evictPlaybackCache(db: MediaDb, quota: number | undefined): Promise<void> {
  const files = await db.files.filter((file) => file.staging === 0).toArray();
  const keys = filesToEvict(
    files.map((file) => ({
      key: String(file.id),
      bytes: file.storedBytes,
      lastUsed: file.lastUsed,
      pinned: file.pinned,
    })),
    playbackCacheBudget(quota),
  );
  if (keys.length > 0) await createMediaStore(db).remove(keys.map(Number));
}

export async function clearPlaybackCache(db: MediaDb): Promise<void> {
  const ids = await db.files.filter((file) => !file.pinned && file.staging === 0).primaryKeys();
  await createMediaStore(db).remove(ids.filter((id): id is number => id !== undefined));
}
