import { createRoot } from 'react-dom/client';
import { parseLanguage, type Language } from '../domain/language.ts';
import { createRuntutStore, type RuntutStore } from '../store/runtut-store.ts';
import type { LessonProgressView } from '../store/progress-slice.ts';
import { StoreProvider } from '../store/store-context.tsx';
import { readFirstScreenFacts } from '../storage/first-screen-read.ts';
import type { LessonProgressRecord, RuntutDb } from '../storage/runtut-db.ts';
import { launchTokenSubject } from '../sync/launch-token.ts';
import { announceLocalWrite } from '../sync/local-writes.ts';
import { App } from './app.tsx';
import { createCourseSession, type CourseSession } from './course-page/course-session.ts';
import { loadManifest, offlineUrlsOf } from './course-page/load-manifest.ts';
import { preloadPlayer } from './lesson-player/preload-player.ts';
import { parseCourseRoute, type CourseRoute } from './routing/course-route.ts';
import type { ServerLessonsListener } from './boot-sync.ts';
import { afterFirstFrame } from './after-first-frame.ts';
import { registerAppShell } from './register-app-shell.ts';
import { rememberedLanguage } from './i18n/remembered-language.ts';

function viewsOf(rows: readonly LessonProgressRecord[]): Record<string, LessonProgressView> {
  return Object.fromEntries(
    rows.map((row) => [
      row.lessonId,
      {
        segments: row.segments,
        frontier: row.frontier,
        position: row.position,
        completedAt: row.completedAt,
      },
    ]),
  );
}

/** How the embedded player (src/embed/frame/) starts the same page inside a provider's frame. */
export interface EmbedBoot {
  route: CourseRoute;
  launchToken: string | null;
  language: Language | undefined;
  /** What the server confirmed: from the restore at start, then from each acknowledged batch. */
  onServerLessons: ServerLessonsListener;
}

export interface RunningCourse {
  store: RuntutStore;
  session: CourseSession;
}

const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Starts the page in two steps. First screen, with the entry script alone: the manifest is
 * fetched while this device's progress is read straight from IndexedDB, and the outline, the
 * lesson title and its poster are drawn. Right after that frame, the player library and the
 * storage chunk (Dexie, identity, server restore, outbox) load; the lesson plays once both are in.
 */
export async function bootRuntut(
  rootElement: HTMLElement,
  embed?: EmbedBoot,
): Promise<RunningCourse> {
  const route = embed?.route ?? parseCourseRoute(window.location.pathname);
  const params = new URLSearchParams(window.location.search);
  const launchToken = embed ? embed.launchToken : params.get('launch');
  const manifestPromise = loadManifest(route.courseId);
  const local = await readFirstScreenFacts(route.courseId, {
    participantId: launchToken ? launchTokenSubject(launchToken) : undefined,
  });
  const storedLanguage = typeof local.language === 'string' ? local.language : undefined;
  const language =
    embed?.language ??
    parseLanguage(params.get('lang')) ??
    rememberedLanguage() ??
    parseLanguage(storedLanguage) ??
    'id';
  document.documentElement.lang = language;

  const store = createRuntutStore({ courseId: route.courseId, language });
  let openedDb: (db: RuntutDb | null) => void = () => {};
  const db = new Promise<RuntutDb | null>((resolve) => (openedDb = resolve));
  const sync = { syncNow: () => {}, inMemory: false };
  const session = createCourseSession({
    store,
    db,
    onLocalWrite: announceLocalWrite,
    onCompleted: () => sync.syncNow(),
    // In a frame the address bar is the provider's page: lessons do not rewrite the frame's URL.
    followAddressBar: !embed,
    inMemory: () => sync.inMemory,
  });
  const running = { store, session };
  // The embedded frame registers no worker: its navigations must keep the embed page's policy.
  const registerShell = () => {
    if (!embed) registerAppShell(() => offlineUrlsOf(store.getState().course));
  };

  createRoot(rootElement).render(
    <StoreProvider store={store}>
      <App session={session} />
    </StoreProvider>,
  );

  const course = await manifestPromise;
  store.getState().setCourse(course);
  if (course.status !== 'ready') {
    openedDb(null);
    registerShell();
    return running;
  }
  store.getState().setAllProgress(viewsOf(local.rows));
  // Show the lesson at once when this device's own progress already allows it; a lesson only
  // the server knows is unlocked waits for the restore below instead of being refused.
  const requested = route.lessonId ?? local.lastLessonId ?? null;
  if (!requested || session.canOpen(requested)) session.openLesson(requested, 'replace');

  await nextFrame();
  const player = preloadPlayer();
  const { startStorage } = await import('./boot-storage.ts');
  const storage = await startStorage({
    store,
    courseId: route.courseId,
    launchToken,
    onServerLessons: embed?.onServerLessons,
  });
  sync.inMemory = storage.inMemory;
  openedDb(storage.db);
  sync.syncNow = storage.syncNow;
  store.getState().settleProgress(viewsOf(storage.rows));
  const open = store.getState().openLessonId;
  session.openLesson(
    open ?? route.lessonId ?? (await session.lastLessonId(route.courseId)),
    'replace',
  );
  // The worker's precache (the whole app shell) must not share the first visit's thin link with
  // the first frame: it starts once the player library is in and the first frame showed (or a
  // few seconds passed with nothing playing).
  void player.finally(() => afterFirstFrame().then(registerShell));
  if (!embed) {
    window.addEventListener('popstate', () => {
      session.openLesson(parseCourseRoute(window.location.pathname).lessonId, 'replace');
    });
  }
  return running;
}
