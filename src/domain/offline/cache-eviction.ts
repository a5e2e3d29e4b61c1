/**
 * The playback cache keeps what was fetched while watching, within a byte budget; the least
 * recently used file goes first. Downloaded (pinned) files are never the cache's to evict.
 */
export interface CachedFile {
  key: string;
  bytes: number;
  /** Milliseconds since the epoch when it was last read or written. */
  lastUsed: number;
  pinned: boolean;
}

/** Keys to evict, oldest first, so the unpinned total is at most `budget`. */
export function filesToEvict(files: readonly CachedFile[], budget: number): string[] {
  const unpinned = files.filter((file) => !file.pinned);
  let total = unpinned.reduce((sum, file) => sum + file.bytes, 0);
  const out: string[] = [];
  for (const file of [...unpinned].sort((a, b) => a.lastUsed - b.lastUsed)) {
    if (total <= budget) break;
    out.push(file.key);
    total -= file.bytes;
  }
  return out;
}

/** The cache's budget: 10 % of the quota, between 50 MB and 500 MB. */
export function playbackCacheBudget(quota: number | undefined): number {
  const megabyte = 1024 * 1024;
  if (quota === undefined) return 100 * megabyte;
  return Math.min(500 * megabyte, Math.max(50 * megabyte, Math.floor(quota * 0.1)));
}
