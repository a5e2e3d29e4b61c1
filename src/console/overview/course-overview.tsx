import { courseBase, loadOverview } from '../api/report-client.ts';
import { useLoad } from '../api/use-load.ts';
import { useConsole } from '../console-context.ts';
import { ExportLinks } from '../export/export-links.tsx';
import { formatDuration, formatNumber } from '../i18n/console-format.ts';
import { LoadState } from '../load-state.tsx';
import { DropOffChart } from './drop-off-chart.tsx';
import { FlagTable } from './flag-table.tsx';
import { FunnelChart } from './funnel-chart.tsx';

/** The course at a glance: who started and finished, the funnel, drop-off, flags. */
export function CourseOverviewPage({ courseId }: { courseId: string }) {
  const { t, language } = useConsole();
  const loaded = useLoad(`overview:${courseId}`, () => loadOverview(courseId));
  if (loaded.state !== 'ready') return <LoadState loaded={loaded} />;
  const overview = loaded.data;
  const base = courseBase(courseId);
  const metrics: [string, string, string][] = [
    ['participants-started', t.started, formatNumber(overview.participantsStarted, language)],
    ['participants-finished', t.finished, formatNumber(overview.participantsFinished, language)],
    [
      'median-finish',
      t.medianFinish,
      overview.medianFinishSeconds === null
        ? t.noFinishers
        : formatDuration(overview.medianFinishSeconds, language),
    ],
  ];
  return (
    <div data-console-page="overview">
      <dl className="metrics">
        {metrics.map(([key, label, value]) => (
          <div key={key} className="metric" data-metric={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <FunnelChart lessons={overview.lessons} started={overview.participantsStarted} />
      <section aria-labelledby="drop-off-heading" className="panel">
        <h2 id="drop-off-heading">{t.dropOffHeading}</h2>
        <p className="hint">{t.dropOffIntro}</p>
        <div className="drop-off-grid">
          {overview.lessons.map((lesson) => (
            <DropOffChart key={lesson.lessonId} lesson={lesson} />
          ))}
        </div>
        <ExportLinks what={t.funnelHeading} path={`${base}/lessons`} name={`${courseId}-lessons`} />
      </section>
      <FlagTable flags={overview.flags} path={`${base}/flags`} courseId={courseId} />
    </div>
  );
}
