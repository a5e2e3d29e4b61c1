import type { CourseManifest } from '../../domain/course-manifest.ts';
import type { Queryable } from '../db/database.ts';
import { formatWit } from './completion-report.ts';
import { encodeCursor, type ParticipantQuery, type SortKey } from './participant-cursor.ts';

export interface ParticipantRow {
  participantId: string;
  lessonsCompleted: number;
  lessonsStarted: number;
  lessonsTotal: number;
  watchedSeconds: number;
  /** Credited seconds over the course's total length, 0..1. */
  watchedShare: number;
  lastActivityAt: string;
  lastActivityWit: string;
  finishedAt: string | null;
  flaggedEvents: number;
  flags: string[];
}

export const PARTICIPANT_COLUMNS = [
  'participantId',
  'lessonsCompleted',
  'lessonsTotal',
  'watchedShare',
  'watchedSeconds',
  'lastActivityAt',
  'lastActivityWit',
  'flaggedEvents',
  'flags',
] as const satisfies readonly (keyof ParticipantRow)[];

interface Stored {
  participant_id: string;
  lessons_started: number;
  lessons_completed: number;
  watched_seconds: number;
  last_activity_at: Date;
  finished_at: Date | null;
  flagged_events: number;
  flags: string[];
}

const SORT_COLUMNS = {
  activity: ['last_activity_at', 'participant_id'],
  progress: ['lessons_completed', 'watched_seconds', 'participant_id'],
} as const;
const SORT_TYPES = {
  activity: ['timestamptz', 'text'],
  progress: ['int', 'float8', 'text'],
} as const;

/** At most this many search matches are counted; more show as "10,000+". */
export const MATCH_COUNT_CAP = 10_000;

function prefixFilter(params: unknown[], q: string): string {
  params.push(q);
  const p = `$${params.length}`;
  // The range lets the bytewise (COLLATE "C") index find the prefix; starts_with makes it exact.
  return `participant_id >= ${p} AND participant_id < ${p} || chr(1114111) AND starts_with(participant_id, ${p})`;
}

/** How many participants match: the counter kept at ingest, or a capped count for a search. */
export async function countMatches(
  db: Queryable,
  courseId: string,
  q: string,
): Promise<{ matches: number; capped: boolean }> {
  if (q === '') {
    const { rows } = await db.query<{ n: number | null }>(
      `SELECT sum(value)::float8 AS n FROM console_counters
       WHERE course_id = $1 AND lesson_id = '' AND metric = 'participants'`,
      [courseId],
    );
    return { matches: rows[0]?.n ?? 0, capped: false };
  }
  const params: unknown[] = [courseId];
  const filter = prefixFilter(params, q);
  params.push(MATCH_COUNT_CAP + 1);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM participant_summaries
       WHERE course_id = $1 AND ${filter} LIMIT $${params.length}) matched`,
    params,
  );
  const n = rows[0]?.n ?? 0;
  return { matches: Math.min(n, MATCH_COUNT_CAP), capped: n > MATCH_COUNT_CAP };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function toParticipantRow(course: CourseManifest, row: Stored): ParticipantRow {
  const total = course.lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);
  const last = new Date(row.last_activity_at);
  return {
    participantId: row.participant_id,
    lessonsCompleted: row.lessons_completed,
    lessonsStarted: row.lessons_started,
    lessonsTotal: course.lessons.length,
    watchedSeconds: round(row.watched_seconds, 3),
    watchedShare: total > 0 ? round(Math.min(1, row.watched_seconds / total), 4) : 0,
    lastActivityAt: last.toISOString(),
    lastActivityWit: formatWit(last),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
    flaggedEvents: row.flagged_events,
    flags: [...row.flags].sort(),
  };
}

export interface ParticipantPage {
  rows: ParticipantRow[];
  nextCursor: string | null;
}

/**
 * One page of the participants table, read from participant_summaries through the index that
 * matches the sort: a keyset range scan of `limit + 1` rows, never a scan of the course.
 */
export async function participantPage(
  db: Queryable,
  course: CourseManifest,
  query: ParticipantQuery,
): Promise<ParticipantPage> {
  const columns = SORT_COLUMNS[query.sort];
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const params: unknown[] = [course.id];
  const where = ['course_id = $1'];
  if (query.q !== '') where.push(prefixFilter(params, query.q));
  if (query.after) {
    const types = SORT_TYPES[query.sort];
    const placeholders = query.after.map((value, i) => {
      params.push(value);
      return `$${params.length}::${types[i] ?? 'text'}`;
    });
    where.push(
      `(${columns.join(', ')}) ${direction === 'DESC' ? '<' : '>'} (${placeholders.join(', ')})`,
    );
  }
  params.push(query.limit + 1);
  const { rows } = await db.query<Stored>(
    `SELECT participant_id, lessons_started, lessons_completed, watched_seconds, last_activity_at,
       finished_at, flagged_events, flags
     FROM participant_summaries WHERE ${where.join(' AND ')}
     ORDER BY ${columns.map((column) => `${column} ${direction}`).join(', ')}
     LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const key = (row: Stored): SortKey =>
    query.sort === 'activity'
      ? [new Date(row.last_activity_at).toISOString(), row.participant_id]
      : [row.lessons_completed, row.watched_seconds, row.participant_id];
  return {
    rows: page.map((row) => toParticipantRow(course, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(key(last)) : null,
  };
}
