import { RuntutDb } from './runtut-db.ts';

/**
 * Opens IndexedDB, or returns null when the browser has none or refuses it (some private modes,
 * blocked storage). The player then keeps progress in memory and still enforces every rule.
 */
export async function openDatabase(name = 'runtut'): Promise<RuntutDb | null> {
  try {
    const db = new RuntutDb(name);
    await db.open();
    return db;
  } catch {
    return null;
  }
}
