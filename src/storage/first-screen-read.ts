import type { LessonProgressRecord } from './runtut-db.ts';

/** What the first screen needs from this device, read before Dexie has even been downloaded. */
export interface FirstScreenFacts {
  participantId?: string | undefined;
  language?: unknown;
  lastLessonId?: string | undefined;
  rows: LessonProgressRecord[];
}

const NOTHING: FirstScreenFacts = { rows: [] };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the existing database read-only in spirit: a database that does not exist yet stays so. */
function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let opening: IDBOpenDBRequest;
    try {
      // Inside the try: blocked storage can make merely reading `indexedDB` throw.
      opening = indexedDB.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // No version asked: an upgrade only happens when there is no database. Creating it here
    // would make an empty version-1 database that Dexie's real schema must then upgrade from.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => resolve(undefined);
    opening.onblocked = () => resolve(undefined);
  });
}

/**
 * Reads the stored identity, language, last lesson and this course's progress straight from
 * IndexedDB, in Dexie's own layout (runtut-db.ts), so the outline can be drawn with the first
 * script alone; Dexie and the sync loop arrive after. Only reads; any trouble reads as nothing,
 * and the Dexie phase then decides what the storage can do. `participantId` overrides the stored
 * identity (a launch token names the participant).
 */
export async function readFirstScreenFacts(
  courseId: string,
  options: { name?: string; participantId?: string | undefined } = {},
): Promise<FirstScreenFacts> {
  const db = await openExisting(options.name ?? 'runtut');
  if (!db) return NOTHING;
  try {
    if (!db.objectStoreNames.contains('meta') || !db.objectStoreNames.contains('progress'))
      return NOTHING;
    const tx = db.transaction(['meta', 'progress'], 'readonly');
    const meta = tx.objectStore('meta');
    const value = async (key: string) =>
      ((await request(meta.get(key))) as { value?: unknown } | undefined)?.value;
    const [identity, language, last] = await Promise.all([
      value('identity'),
      value('language'),
      value(`lastLesson:${courseId}`),
    ]);
    const participantId =
      options.participantId ?? (identity as { participantId?: string } | undefined)?.participantId;
    const rows = participantId
      ? ((await request(
          tx
            .objectStore('progress')
            .index('[participantId+courseId]')
            .getAll([participantId, courseId]),
        )) as LessonProgressRecord[])
      : [];
    return {
      participantId,
      language,
      lastLessonId: (last as { lessonId?: string } | undefined)?.lessonId,
      rows,
    };
  } catch {
    return NOTHING;
  } finally {
    db.close();
  }
}
