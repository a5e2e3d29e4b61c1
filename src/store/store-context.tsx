import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RuntutState, RuntutStore } from './runtut-store.ts';

const StoreContext = createContext<RuntutStore | null>(null);

export function StoreProvider({ store, children }: { store: RuntutStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useRuntutStore(): RuntutStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useRuntutStore must be used inside <StoreProvider>');
  return store;
}

export function useRuntut<T>(select: (state: RuntutState) => T): T {
  return useStore(useRuntutStore(), select);
}
