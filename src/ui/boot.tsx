import { createRoot } from 'react-dom/client';
import { parseLanguage, type Language } from '../domain/language.ts';
import { createRuntutStore } from '../store/runtut-store.ts';
import { StoreProvider } from '../store/store-context.tsx';
import { readMeta } from '../storage/device-meta.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createProgressRepository } from '../storage/progress-repository.ts';
import { App } from './app.tsx';
import { createCourseSession } from './course-page/course-session.ts';
import { loadManifest, offlineUrlsOf } from './course-page/load-manifest.ts';
import { parseCourseRoute } from './routing/course-route.ts';
import { announceLocalWrite } from '../sync/local-writes.ts';
import { connectSync } from './boot-sync.ts';
import { registerAppShell } from './register-app-shell.ts';

/**
 * Starts the page: the manifest is fetched while IndexedDB opens, the outline renders as soon
 * as both are known, and the player library is loaded only when a lesson is mounted.
 */
export async function bootRuntut(rootElement: HTMLElement): Promise<void> {
  const route = parseCourseRoute(window.location.pathname);
  const params = new URLSearchParams(window.location.search);
  const manifestPromise = loadManifest(route.courseId);
  const db = await openDatabase();
  const storedLanguage = db
    ? await readMeta<Language>(db, 'language').catch(() => undefined)
    : undefined;
  const language = parseLanguage(params.get('lang')) ?? storedLanguage ?? 'id';
  document.documentElement.lang = language;

  const store = createRuntutStore({ courseId: route.courseId, language });
  if (!db) store.getState().setStorageHealth('unavailable');
  const sync = { syncNow: () => {} };
  const session = createCourseSession({
    store,
    db,
    onLocalWrite: announceLocalWrite,
    onCompleted: () => sync.syncNow(),
  });

  createRoot(rootElement).render(
    <StoreProvider store={store}>
      <App session={session} />
    </StoreProvider>,
  );
  registerAppShell(() => offlineUrlsOf(store.getState().course));

  const course = await manifestPromise;
  store.getState().setCourse(course);
  if (course.status !== 'ready') return;

  const connection = await connectSync({
    db,
    store,
    courseId: route.courseId,
    launchToken: params.get('launch'),
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
  window.addEventListener('popstate', () => {
    session.openLesson(parseCourseRoute(window.location.pathname).lessonId, 'replace');
  });
}
