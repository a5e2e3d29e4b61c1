import { useSyncExternalStore } from 'react';
import { offlineStorage } from './offline-instance.ts';

/** Re-renders when any download changed; read entries with `offlineStorage().queue.get`. */
export function useDownloadsVersion(): number {
  const { queue } = offlineStorage();
  return useSyncExternalStore((listener) => queue.subscribe(listener), queue.getVersion);
}
