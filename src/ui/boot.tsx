import { createRoot } from 'react-dom/client';
import { parseLanguage, type Language } from '../domain/language.ts';
import { createRuntutStore, type RuntutStore } from '../store/runtut-store.ts';
import { StoreProvider } from '../store/store-context.tsx';
import { readMeta } from '../storage/device-meta.ts';
import { openMemoryDatabase } from '../storage/memory-database.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createProgressRepository } from '../storage/progress-repository.ts';
import { App } from './app.tsx';
import { createCourseSession, type CourseSession } from './course-page/course-session.ts';
import { loadManifest, offlineUrlsOf } from './course-page/load-manifest.ts';
import { parseCourseRoute, type CourseRoute } from './routing/course-route.ts';
import { announceLocalWrite } from '../sync/local-writes.ts';
import { connectSync, type ServerLessonsListener } from './boot-sync.ts';
import { registerAppShell } from './register-app-shell.ts';

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

/**
 * Starts the page: the manifest is fetched while IndexedDB opens, the outline renders as soon
 * as both are known, and the player library is loaded only when a lesson is mounted. Where the
 * browser refuses IndexedDB, the same schema runs in memory (progress syncs while online).
 */
export async function bootRuntut(
  rootElement: HTMLElement,
  embed?: EmbedBoot,
): Promise<RunningCourse> {
  const route = embed?.route ?? parseCourseRoute(window.location.pathname);
  const params = new URLSearchParams(window.location.search);
  const manifestPromise = loadManifest(route.courseId);
  const durable = await openDatabase();
  const db = durable ?? (await openMemoryDatabase());
  const storedLanguage = db
    ? await readMeta<Language>(db, 'language').catch(() => undefined)
    : undefined;
  const language = embed?.language ?? parseLanguage(params.get('lang')) ?? storedLanguage ?? 'id';
  document.documentElement.lang = language;

  const store = createRuntutStore({ courseId: route.courseId, language });
  if (!durable) store.getState().setStorageHealth('unavailable');
  const sync = { syncNow: () => {} };
  const session = createCourseSession({
    store,
    db,
    onLocalWrite: announceLocalWrite,
    onCompleted: () => sync.syncNow(),
    // In a frame the address bar is the provider's page: lessons do not rewrite the frame's URL.
    followAddressBar: !embed,
    inMemory: !durable,
  });
  const running = { store, session };

  createRoot(rootElement).render(
    <StoreProvider store={store}>
      <App session={session} />
    </StoreProvider>,
  );
  // The embedded frame registers no worker: its navigations must keep the embed page's policy.
  if (!embed) registerAppShell(() => offlineUrlsOf(store.getState().course));

  const course = await manifestPromise;
  store.getState().setCourse(course);
  if (course.status !== 'ready') return running;

  const connection = await connectSync({
    db,
    store,
    courseId: route.courseId,
    launchToken: embed ? embed.launchToken : params.get('launch'),
    inMemory: !durable,
    ...(embed ? { onServerLessons: embed.onServerLessons } : {}),
  });
  sync.syncNow = connection.syncNow;

  const participantId = store.getState().participantId ?? 'local';
  const rows = db
    ? await createProgressRepository(db)
        .loadCourse(participantId, route.courseId)
        .catch(() => [])
    : [];
  store.getState().setAllProgress(
    Object.fromEntries(
      rows.map((row) => [
        row.lessonId,
        {
          segments: row.segments,
          frontier: row.frontier,
          position: row.position,
          completedAt: row.completedAt,
        },
      ]),
    ),
  );
  session.openLesson(route.lessonId ?? (await session.lastLessonId(route.courseId)), 'replace');
  if (!embed) {
    window.addEventListener('popstate', () => {
      session.openLesson(parseCourseRoute(window.location.pathname).lessonId, 'replace');
    });
  }
  return running;
}
