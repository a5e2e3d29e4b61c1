import { dropOffShares, DROP_OFF_SLICES } from '../../domain/drop-off.ts';
import type { LessonAggregate } from '../api/report-client.ts';
import { DataTable } from '../charts/data-table.tsx';
import { useConsole } from '../console-context.ts';
import { formatNumber, formatPercent } from '../i18n/console-format.ts';

const W = 400;
const H = 150;
const LEFT = 40;
const BOTTOM = 22;
const sliceName = (slice: number) => `${slice * 5}–${(slice + 1) * 5}%`;

/** One lesson's drop-off: a column per 5% slice, the share of starters credited for it. */
export function DropOffChart({ lesson }: { lesson: LessonAggregate }) {
  const { t, language } = useConsole();
  const shares = dropOffShares(lesson.reached, lesson.started);
  const plotW = W - LEFT - 6;
  const plotH = H - BOTTOM - 8;
  const column = plotW / DROP_OFF_SLICES;
  const summary = `${lesson.position}. ${lesson.lessonTitle}: ${shares
    .map((share, slice) => `${sliceName(slice)} ${formatPercent(share, language)}`)
    .join(', ')}`;
  return (
    <figure
      className="drop-off"
      data-lesson-id={lesson.lessonId}
      data-shares={shares.map((s) => s.toFixed(4)).join(' ')}
    >
      <figcaption>
        {lesson.position}. {lesson.lessonTitle}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {[0, 0.5, 1].map((tick) => {
          const y = 8 + plotH * (1 - tick);
          return (
            <g key={tick}>
              <line x1={LEFT} x2={W - 6} y1={y} y2={y} className="grid" />
              <text x={LEFT - 4} y={y + 4} textAnchor="end" className="axis">
                {formatPercent(tick, language)}
              </text>
            </g>
          );
        })}
        {shares.map((share, slice) => (
          <rect
            key={slice}
            x={LEFT + slice * column + 1}
            y={8 + plotH * (1 - share)}
            width={column - 2}
            height={plotH * share}
            className="bar-solid"
          />
        ))}
        {[0, 0.5, 1].map((at) => (
          <text
            key={at}
            x={LEFT + plotW * at}
            y={H - 6}
            textAnchor={at === 0 ? 'start' : at === 1 ? 'end' : 'middle'}
            className="axis"
          >
            {formatPercent(at, language)}
          </text>
        ))}
      </svg>
      <DataTable
        caption={`${t.dropOffHeading}: ${lesson.lessonTitle}`}
        head={[t.slice, t.share, '%']}
        rows={shares.map((share, slice) => [
          sliceName(slice),
          formatNumber(lesson.reached[slice] ?? 0, language),
          formatPercent(share, language),
        ])}
      />
    </figure>
  );
}
