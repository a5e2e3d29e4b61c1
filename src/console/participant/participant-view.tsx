import { loadParticipant, participantPath } from '../api/report-client.ts';
import { useLoad } from '../api/use-load.ts';
import { useConsole } from '../console-context.ts';
import { FlagList } from './flag-list.tsx';
import { ExportLinks } from '../export/export-links.tsx';
import { formatMediaTime, formatPercent } from '../i18n/console-format.ts';
import { LoadState } from '../load-state.tsx';
import { SegmentTimeline } from './segment-timeline.tsx';
import { DeviceTable, FlaggedEvents } from './participant-tables.tsx';

/** One participant: what the server credited per lesson, devices, and every flag explained. */
export function ParticipantView({
  courseId,
  participantId,
}: {
  courseId: string;
  participantId: string;
}) {
  const { t, language, navigate } = useConsole();
  const loaded = useLoad(`participant:${courseId}:${participantId}`, () =>
    loadParticipant(courseId, participantId),
  );
  const back = (
    <p>
      <a
        href={`/console/c/${encodeURIComponent(courseId)}/participants${window.location.search}`}
        onClick={(event) => {
          event.preventDefault();
          navigate({ page: 'participants', courseId });
        }}
      >
        ← {t.backToList}
      </a>
    </p>
  );
  if (loaded.state !== 'ready')
    return (
      <>
        {back}
        <LoadState loaded={loaded} />
      </>
    );
  const { participant, lessons, devices, flaggedEvents } = loaded.data;
  return (
    <div data-console-page="participant" data-participant-id={participant.participantId}>
      {back}
      <h2>{t.participantHeading(participant.participantId)}</h2>
      <p className="hint">
        {t.lessonsCompleted}: {participant.lessonsCompleted} / {participant.lessonsTotal} ·{' '}
        {t.watchedShare}: {formatPercent(participant.watchedShare, language)} · {t.lastActivity}:{' '}
        {participant.lastActivityWit}
      </p>
      <p className="legend" aria-hidden="true">
        <span className="swatch solid" /> {t.credited} <span className="swatch hatched" />{' '}
        {t.notCredited}
      </p>
      <ol className="lesson-standings">
        {lessons.map((lesson) => (
          <li key={lesson.lessonId} data-lesson-id={lesson.lessonId} className="panel">
            <h3>{lesson.lessonTitle}</h3>
            <SegmentTimeline
              title={lesson.lessonTitle}
              durationSeconds={lesson.durationSeconds}
              segments={lesson.segments}
              watchedSeconds={lesson.watchedSeconds}
            />

            <p data-completed-at={lesson.completedAtWit ?? ''}>
              {lesson.completedAtWit
                ? `${t.completedAt}: ${lesson.completedAtWit}`
                : t.notCompleted}{' '}
              · {formatMediaTime(Math.round(lesson.watchedSeconds))} /{' '}
              {formatMediaTime(lesson.durationSeconds)}
            </p>
            {lesson.flags.length > 0 && (
              <div>
                <h4>{t.lessonFlags}</h4>
                <FlagList flags={lesson.flags} />
              </div>
            )}
          </li>
        ))}
      </ol>
      <ExportLinks
        what={t.participantHeading(participant.participantId)}
        path={participantPath(courseId, participant.participantId)}
        name={`${courseId}-${participant.participantId}`}
      />
      <DeviceTable devices={devices} />
      <FlaggedEvents events={flaggedEvents} lessons={lessons} />
    </div>
  );
}
