import { RuntutDb } from './runtut-db.ts';

/**
 * Where the browser refuses IndexedDB entirely (blocked third-party storage, some private
 * modes), the same schema runs on fake-indexeddb in memory: the rules, the outbox and sync work
 * unchanged while the page is open, and nothing survives it. Loaded only when needed.
 */
export async function openMemoryDatabase(name = 'runtut'): Promise<RuntutDb | null> {
  try {
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
    const db = new RuntutDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    return db;
  } catch {
    return null;
  }
}
