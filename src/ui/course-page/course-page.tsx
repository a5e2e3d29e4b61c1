import { useCallback, useMemo } from 'react';
import type { CourseManifest } from '../../domain/course-manifest.ts';
import { lessonStates } from '../../domain/lesson-order.ts';
import { useRuntut } from '../../store/store-context.tsx';
import { formatMediaTime, localized } from '../i18n/format.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { LessonOutline, watchedPercent } from '../lesson-outline/lesson-outline.tsx';
import { LessonPlayerView } from '../lesson-player/lesson-player-view.tsx';
import { LessonPoster } from '../lesson-poster/lesson-poster.tsx';
import { useDownloadsModule } from '../downloads/use-downloads-module.ts';
import { completedLessonIds } from './course-progress.ts';
import { EMPTY_PROGRESS, type CourseSession } from './course-session.ts';

interface CoursePageProps {
  manifest: CourseManifest;
  manifestUrl: string;
  session: CourseSession;
}

export function CoursePage({ manifest, manifestUrl, session }: CoursePageProps) {
  const language = useRuntut((state) => state.language);
  const progress = useRuntut((state) => state.lessons);
  const progressLoaded = useRuntut((state) => state.progressLoaded);
  const progressSettled = useRuntut((state) => state.progressSettled);
  const openLessonId = useRuntut((state) => state.openLessonId);
  const showNotice = useRuntut((state) => state.showNotice);
  const t = MESSAGES[language];
  const downloads = useDownloadsModule(progressSettled);
  const DownloadableItem = useMemo(
    () => downloads?.downloadableItem({ manifest, manifestUrl, language }),
    [downloads, manifest, manifestUrl, language],
  );
  const DownloadsPanel = downloads?.DownloadsPanel;

  const ids = manifest.lessons.map((lesson) => lesson.id);
  const completed = completedLessonIds(progress);
  const states = lessonStates(ids, completed);

  const openIndex = manifest.lessons.findIndex((lesson) => lesson.id === openLessonId);
  const lesson = manifest.lessons[openIndex];
  // One recorder per opened lesson; it reads the stored progress once, at creation.
  const recorder = useMemo(
    () => (lesson && progressSettled ? session.recorderFor(lesson) : null),
    [lesson, progressSettled, session],
  );
  const openFromOutline = useCallback(
    (lessonId: string) => session.openLesson(lessonId, 'push'),
    [session],
  );
  const lessonProgress = (lesson && progress[lesson.id]) || EMPTY_PROGRESS;
  const next = manifest.lessons[openIndex + 1];
  const allDone = ids.every((id) => completed.has(id));

  return (
    <div className="course-layout">
      <section className="player-column" id="player" aria-label={t.skipToPlayer} tabIndex={-1}>
        {lesson ? (
          <>
            <p className="lesson-kicker">{t.lessonOf(openIndex + 1, ids.length)}</p>
            <h2 className="lesson-title">{localized(lesson.title, language)}</h2>
            <div className="lesson-stage">
              <LessonPoster key={lesson.id} lesson={lesson} manifestUrl={manifestUrl} />
              {recorder ? (
                <LessonPlayerView
                  key={lesson.id}
                  lesson={lesson}
                  manifestUrl={manifestUrl}
                  initial={lessonProgress}
                  pauseWhenHidden={manifest.pauseWhenHidden}
                  language={language}
                  recorder={recorder}
                  onNotice={showNotice}
                />
              ) : (
                <div className="lesson-player" aria-busy="true">
                  <p className="player-loading">{t.loadingPlayer}</p>
                </div>
              )}
            </div>
            <div className="lesson-footer">
              <span className="lesson-watched" aria-live="off">
                {t.watchedShare(watchedPercent(lessonProgress, lesson.durationSeconds))} ·{' '}
                {formatMediaTime(lessonProgress.frontier)} /{' '}
                {formatMediaTime(lesson.durationSeconds)}
              </span>
              {lessonProgress.completedAt && next ? (
                <button
                  type="button"
                  className="next-lesson"
                  onClick={() => session.openLesson(next.id, 'push')}
                >
                  {t.nextLesson} →
                </button>
              ) : null}
            </div>
            {allDone ? (
              <p className="course-done" role="status">
                {t.courseDone}
              </p>
            ) : null}
          </>
        ) : (
          <p className="player-loading">{t.loadingCourse}</p>
        )}
        <p className="rules-note">{t.rulesNote}</p>
      </section>
      <aside className="outline-column">
        {progressLoaded ? (
          <LessonOutline
            manifest={manifest}
            states={states}
            progress={progress}
            openLessonId={openLessonId}
            language={language}
            onOpen={openFromOutline}
            Item={DownloadableItem}
          />
        ) : null}
        {DownloadsPanel ? (
          <DownloadsPanel manifest={manifest} manifestUrl={manifestUrl} language={language} />
        ) : null}
      </aside>
    </div>
  );
}
