import { localDayOf } from '../domain/offline/data-usage.ts';
import type { MediaDb } from './media-db.ts';
import { countUsage } from './media-store.ts';

/**
 * Counts bytes really fetched from the network on today's line of the data meter. Counts are
 * gathered in memory and written about once a second, not once per network chunk.
 */
export interface UsageMeter {
  add(bytes: number): void;
  flush(): Promise<void>;
}

export function createUsageMeter(db: MediaDb, now: () => Date = () => new Date()): UsageMeter {
  let pending = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const bytes = pending;
    pending = 0;
    if (bytes > 0) await countUsage(db, localDayOf(now()), bytes).catch(() => undefined);
  };
  return {
    add(bytes) {
      pending += bytes;
      timer ??= setTimeout(() => void flush(), 1000);
    },
    flush,
  };
}
