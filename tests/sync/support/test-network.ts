import type { NetworkSignals } from '../../../src/sync/network-signals.ts';

/** navigator.onLine and its events, switched by the test. */
export function createTestNetwork(
  initiallyOnline = true,
): NetworkSignals & { set(online: boolean): void } {
  let online = initiallyOnline;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    set(next) {
      online = next;
      for (const listener of listeners) listener(next);
    },
  };
}
