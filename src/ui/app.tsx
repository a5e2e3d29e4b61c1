import { useRuntut } from '../store/store-context.tsx';
import { CoursePage } from './course-page/course-page.tsx';
import type { CourseSession } from './course-page/course-session.ts';
import { localized } from './i18n/format.ts';
import { MESSAGES } from './i18n/messages.ts';
import { ManifestError } from './manifest-error/manifest-error.tsx';
import { NoticeBar, StorageWarning } from './notices/notice-bar.tsx';
import { SyncStatus } from './sync-status/sync-status.tsx';

export function App({ session }: { session: CourseSession }) {
  const course = useRuntut((state) => state.course);
  const courseId = useRuntut((state) => state.courseId);
  const language = useRuntut((state) => state.language);
  const syncStatus = useRuntut((state) => state.syncStatus);
  const t = MESSAGES[language];
  const other = language === 'id' ? 'en' : 'id';

  return (
    <div className="app" data-course-id={courseId}>
      <a className="skip-link" href="#player">
        {t.skipToPlayer}
      </a>
      <header className="app-header">
        <span className="brand" aria-hidden="true">
          Runtut
        </span>
        <h1 className="course-title">
          {course.status === 'ready' ? (
            localized(course.manifest.title, language)
          ) : (
            <span className="visually-hidden">{t.appName}</span>
          )}
        </h1>
        <div className="header-tools">
          {syncStatus ? <SyncStatus status={syncStatus} language={language} /> : null}
          <button
            type="button"
            className="language-switch"
            lang={other}
            aria-label={t.languageSwitchLabel}
            onClick={() => session.setLanguage(other)}
          >
            {t.languageSwitch}
          </button>
        </div>
      </header>
      <StorageWarning />
      <NoticeBar />
      <main>
        {course.status === 'loading' ? <p className="player-loading">{t.loadingCourse}</p> : null}
        {course.status === 'invalid' || course.status === 'unreachable' ? (
          <ManifestError course={course} />
        ) : null}
        {course.status === 'ready' ? (
          <CoursePage
            manifest={course.manifest}
            manifestUrl={course.manifestUrl}
            session={session}
          />
        ) : null}
      </main>
    </div>
  );
}
