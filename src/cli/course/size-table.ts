import { isHlsType, type Lesson } from '../../domain/course-manifest.ts';

const MB = 1_000_000;

interface Cell {
  bytes: number;
  seconds: number;
}

/** Bytes per rung ("240p", "360p", …, and "mp4") for one lesson, from its manifest facts. */
function lessonSizes(lesson: Lesson): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const source of lesson.sources) {
    if (isHlsType(source.type)) {
      for (const rung of source.renditions ?? []) sizes.set(`${rung.height}p`, rung.bytes ?? 0);
    } else if (source.bytes !== undefined) {
      sizes.set(`mp4 ${source.height ?? ''}p`.replace(' p', ''), source.bytes);
    }
  }
  return sizes;
}

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
const mb = (bytes: number) => (bytes / MB).toFixed(2);

/**
 * The closing table: each lesson's size at each rung in MB, the totals, and MB per hour of
 * lesson at each rung (what a participant's data plan pays for an hour of watching).
 */
export function sizeTable(lessons: readonly Lesson[]): string {
  const perLesson = lessons.map((lesson) => ({ lesson, sizes: lessonSizes(lesson) }));
  const columns = [...new Set(perLesson.flatMap(({ sizes }) => [...sizes.keys()]))].sort((a, b) => {
    const mp4 = Number(a.startsWith('mp4')) - Number(b.startsWith('mp4'));
    return mp4 !== 0 ? mp4 : Number.parseInt(a, 10) - Number.parseInt(b, 10);
  });
  const totals = new Map<string, Cell>(columns.map((column) => [column, { bytes: 0, seconds: 0 }]));
  const rows = perLesson.map(({ lesson, sizes }) => [
    lesson.id,
    clock(lesson.durationSeconds),
    ...columns.map((column) => {
      const bytes = sizes.get(column);
      if (bytes === undefined) return '–';
      const total = totals.get(column)!;
      total.bytes += bytes;
      total.seconds += lesson.durationSeconds;
      return mb(bytes);
    }),
  ]);
  const seconds = lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);
  rows.push(['total', clock(seconds), ...columns.map((c) => mb(totals.get(c)!.bytes))]);
  rows.push([
    'MB per hour',
    '',
    ...columns.map((c) => {
      const cell = totals.get(c)!;
      return cell.seconds > 0 ? ((cell.bytes / MB) * (3600 / cell.seconds)).toFixed(0) : '–';
    }),
  ]);
  return formatTable(['lesson', 'length', ...columns.map((c) => `${c} MB`)], rows);
}

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return (
    [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n'
  );
}
