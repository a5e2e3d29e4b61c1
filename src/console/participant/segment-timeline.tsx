import { useConsole } from '../console-context.ts';
import { formatMediaTime } from '../i18n/console-format.ts';

/**
 * The lesson's length as a bar: credited segments solid, the rest hatched (CSS, so the
 * hatching keeps its angle however long the lesson). The media times
 * under the bar and the accessible name say the same in words.
 */
export function SegmentTimeline({
  title,
  durationSeconds,
  segments,
  watchedSeconds,
}: {
  title: string;
  durationSeconds: number;
  segments: [number, number][];
  watchedSeconds: number;
}) {
  const { t } = useConsole();
  const ranges = segments.map(([a, b]) => `${formatMediaTime(a)}–${formatMediaTime(b)}`).join(', ');
  const label = `${t.timelineLabel(title, formatMediaTime(watchedSeconds), formatMediaTime(durationSeconds))}${ranges ? ` (${ranges})` : ''}`;
  const width = Math.max(durationSeconds, 1e-3);
  return (
    <div className="timeline" data-segments={segments.map(([a, b]) => `${a}-${b}`).join(' ')}>
      <svg viewBox={`0 0 ${width} 10`} preserveAspectRatio="none" role="img" aria-label={label}>
        {segments.map(([start, end]) => (
          <rect
            key={start}
            x={start}
            y="0"
            width={Math.max(0, Math.min(end, width) - start)}
            height="10"
            className="bar-solid"
          />
        ))}
      </svg>
      <div className="timeline-scale" aria-hidden="true">
        <span>0:00</span>
        <span>{ranges || t.notCredited}</span>
        <span>{formatMediaTime(durationSeconds)}</span>
      </div>
    </div>
  );
}
