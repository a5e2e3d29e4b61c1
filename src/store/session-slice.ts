import type { StateCreator } from 'zustand/vanilla';
import type { Language } from '../domain/language.ts';
import type { RuntutState } from './runtut-store.ts';

export type StorageHealth = 'ok' | 'unavailable' | 'full';
export type NoticeKey =
  | 'seekBlocked'
  | 'rateBlocked'
  | 'lockedRedirect'
  | 'mediaError'
  | 'launchInvalid'
  | 'speedToolDetected';

/** What the sync indicator shows; written by the sync loop. */
export interface SyncStatusView {
  state: 'synced' | 'pending' | 'offline' | 'error';
  pending: number;
  invalid: number;
}

export interface Notice {
  key: NoticeKey;
  /** Increases on every notice so the same message can be announced again. */
  serial: number;
}

export interface SessionSlice {
  language: Language;
  participantId: string | null;
  storageHealth: StorageHealth;
  notice: Notice | null;
  syncStatus: SyncStatusView | null;
  setSyncStatus(status: SyncStatusView): void;
  setLanguage(language: Language): void;
  setParticipant(participantId: string): void;
  setStorageHealth(health: StorageHealth): void;
  showNotice(key: NoticeKey): void;
  clearNotice(): void;
}

export const createSessionSlice =
  (language: Language): StateCreator<RuntutState, [], [], SessionSlice> =>
  (set) => ({
    language,
    participantId: null,
    storageHealth: 'ok',
    notice: null,
    syncStatus: null,
    // The sync loop reports after every local write: an unchanged status must not re-render.
    setSyncStatus: (syncStatus) =>
      set((state) =>
        JSON.stringify(state.syncStatus) === JSON.stringify(syncStatus) ? state : { syncStatus },
      ),
    setLanguage: (next) => set({ language: next }),
    setParticipant: (participantId) => set({ participantId }),
    setStorageHealth: (storageHealth) => set({ storageHealth }),
    showNotice: (key) =>
      set((state) => ({ notice: { key, serial: (state.notice?.serial ?? 0) + 1 } })),
    clearNotice: () => set({ notice: null }),
  });
