import { parseQualityChoice, type QualityChoice } from '../../domain/data-saver.ts';

/**
 * The participant's quality choice on this device, kept in localStorage so it survives a reload
 * and is read synchronously before the player picks its first rung. The outline subscribes to
 * show sizes at the chosen quality. No video.js here: the page imports this before the player.
 */
const KEY = 'runtut.quality';
const listeners = new Set<() => void>();
let memory: string | null = null;

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return memory;
  }
}

export function readQualityChoice(): QualityChoice {
  return parseQualityChoice(read());
}

export function saveQualityChoice(choice: QualityChoice): void {
  const value = choice === 'saver' ? null : String(choice);
  memory = value;
  try {
    if (value === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, value);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`; also hears a choice made in another tab. */
export function subscribeQualityChoice(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The browser asks to save data (Chrome on Android's Lite mode, "Data Saver" settings). */
export function browserAsksToSaveData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}
