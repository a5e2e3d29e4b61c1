import { createOfflineStorage, type OfflineStorage } from '../../offline/offline-storage.ts';

let instance: OfflineStorage | null = null;

/** One download queue per page. */
export function offlineStorage(): OfflineStorage {
  instance ??= createOfflineStorage();
  return instance;
}
