import type { LockManagerLike } from '../../../src/sync/sync-lock.ts';

/**
 * An in-memory Web Locks stand-in shared by the "tabs" of one test (Node 20 has no
 * navigator.locks): exclusive locks by name, `ifAvailable` answered with a null lock.
 */
export function createMemoryLocks(): LockManagerLike & { refused: number } {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const manager = {
    refused: 0,
    async request<T>(
      name: string,
      options: { ifAvailable: boolean },
      callback: (lock: unknown) => Promise<T>,
    ) {
      if (held.has(name)) {
        if (options.ifAvailable) {
          manager.refused += 1;
          return callback(null);
        }
        await new Promise<void>((resolve) =>
          waiting.set(name, [...(waiting.get(name) ?? []), resolve]),
        );
      }
      held.add(name);
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
        const next = waiting.get(name)?.shift();
        next?.();
      }
    },
  };
  return manager;
}
