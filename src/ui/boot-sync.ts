import type { RuntutStore } from '../store/runtut-store.ts';
import type { RuntutDb } from '../storage/runtut-db.ts';
import { LaunchTokenError, resolveIdentity, type Identity } from '../sync/identity.ts';
import type { ServerChangedLesson } from '../sync/api-client.ts';
import { restoreFromServer } from '../sync/restore-progress.ts';
import { startSync } from '../sync/start-sync.ts';

const API_BASE = '';

/**
 * What the server credits: `restored` for what it knew at start, `confirmed` for what an
 * acknowledged batch just changed. Only these say a completion is real (embedded player).
 */
export type ServerLessonsListener = (
  lessons: readonly Pick<ServerChangedLesson, 'lessonId' | 'completedAt'>[],
  how: 'restored' | 'confirmed',
) => void;
const RESTORE_TIMEOUT_MS = 4000;

/**
 * Who is watching, what the server already knows, and the outbox loop. Without IndexedDB there
 * is nothing durable to sync: the participant still watches under the rules, in memory.
 */
export async function connectSync(options: {
  db: RuntutDb | null;
  store: RuntutStore;
  courseId: string;
  launchToken: string | null;
  onServerLessons?: ServerLessonsListener;
  /** IndexedDB was refused and `db` lives in memory: one tab, and Web Locks may be refused too. */
  inMemory?: boolean;
}): Promise<{ syncNow(): void }> {
  const { db, store, courseId, launchToken, onServerLessons } = options;
  if (!db) {
    store.getState().setParticipant('local');
    return { syncNow: () => {} };
  }
  let identity: Identity;
  try {
    identity = await resolveIdentity(db, {
      apiBase: API_BASE,
      ...(launchToken ? { launchToken } : {}),
    });
  } catch (error) {
    if (!(error instanceof LaunchTokenError)) throw error;
    // A launch link without a participant: watch under the rules, but nothing can be sent.
    store.getState().showNotice('launchInvalid');
    store.getState().setParticipant('local');
    return { syncNow: () => {} };
  }
  store.getState().setParticipant(identity.participantId);
  if (navigator.onLine && identity.token) {
    const restored = await withTimeout(
      restoreFromServer(db, identity, courseId, API_BASE),
      RESTORE_TIMEOUT_MS,
    ).catch(() => undefined);
    if (restored?.ok) {
      const lessons = restored.lessons.map(({ lessonId, completedAt }) => ({
        lessonId,
        completedAt: completedAt ?? null,
      }));
      onServerLessons?.(lessons, 'restored');
    }
  }
  const sync = startSync({
    db,
    // A memory database is this tab's alone: no other tab can send its events, so no lock.
    ...(options.inMemory ? { locks: null } : {}),
    identity,
    apiBase: API_BASE,
    onStatus: (status) => store.getState().setSyncStatus(status),
    // A provisional participant adopted by a new session: its rows were moved already.
    onIdentity: (next) => store.getState().setParticipant(next.participantId),
    onServerLessons: (lessons) =>
      onServerLessons?.(
        lessons.filter((lesson) => lesson.courseId === courseId),
        'confirmed',
      ),
  });
  return { syncNow: () => sync.syncNow() };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}
