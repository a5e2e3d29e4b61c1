import type { LessonAggregate } from '../api/report-client.ts';
import { HATCH_ID } from '../charts/chart-patterns.tsx';
import { DataTable } from '../charts/data-table.tsx';
import { useConsole } from '../console-context.ts';
import { formatNumber } from '../i18n/console-format.ts';

/** Per lesson: reached (hatched bar) and completed (solid bar), scaled to those who started. */
export function FunnelChart({ lessons, started }: { lessons: LessonAggregate[]; started: number }) {
  const { t, language } = useConsole();
  const width = (count: number) => (started > 0 ? (100 * count) / started : 0);
  return (
    <section aria-labelledby="funnel-heading" className="panel">
      <h2 id="funnel-heading">{t.funnelHeading}</h2>
      <p className="hint">{t.funnelIntro}</p>
      <ol className="funnel">
        {lessons.map((lesson) => (
          <li
            key={lesson.lessonId}
            data-lesson-id={lesson.lessonId}
            data-started={lesson.started}
            data-completed={lesson.completed}
          >
            <span className="funnel-label">
              {lesson.position}. {lesson.lessonTitle}
            </span>
            <svg
              className="funnel-bars"
              viewBox="0 0 100 20"
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <rect x="0" y="1" width="100" height="18" className="bar-track" />
              <rect
                x="0"
                y="1"
                width={width(lesson.started)}
                height="8"
                fill={`url(#${HATCH_ID})`}
                className="bar-outline"
              />
              <rect x="0" y="11" width={width(lesson.completed)} height="8" className="bar-solid" />
            </svg>
            <span className="funnel-numbers">
              {t.reachedLesson} <strong>{formatNumber(lesson.started, language)}</strong> ·{' '}
              {t.completedLesson} <strong>{formatNumber(lesson.completed, language)}</strong>
            </span>
          </li>
        ))}
      </ol>
      <DataTable
        caption={t.funnelHeading}
        head={[t.lesson, t.reachedLesson, t.completedLesson]}
        rows={lessons.map((lesson) => [
          `${lesson.position}. ${lesson.lessonTitle}`,
          formatNumber(lesson.started, language),
          formatNumber(lesson.completed, language),
        ])}
      />
    </section>
  );
}
