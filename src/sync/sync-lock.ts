/** The part of the Web Locks API the sync loop uses (navigator.locks satisfies it). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export const SYNC_LOCK_NAME = 'runtut-sync';

export function browserLocks(): LockManagerLike | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/**
 * Runs `work` only if no other tab of this origin is syncing; returns 'busy' otherwise. Without
 * Web Locks (old browsers) it just runs: two tabs may then send the same event, which the server
 * answers with `duplicate`, so nothing is counted twice, only sent twice.
 */
export async function withSyncLock<T>(
  locks: LockManagerLike | undefined,
  work: () => Promise<T>,
): Promise<T | 'busy'> {
  if (!locks) return work();
  return locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) =>
    lock ? work() : 'busy',
  );
}
