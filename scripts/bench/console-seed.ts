import type { Database } from '../../src/server/db/database.ts';
import { BENCH_LESSONS, LESSON_SECONDS } from './bench-workload.ts';

/**
 * A programme-sized course in PostgreSQL, made by SQL (generate_series) in a few statements:
 * participant i reaches lessons 1..min(L, 20) with L = 1 + (i·7919 mod 21), completes those
 * before L, and watched (i·31 mod 600) s of lesson L; L = 21 finished the course. The console's
 * summaries are derived from the same rows, as the migration's backfill would.
 */
export const BENCH_COURSE = 'bench';
const T0 = "timestamptz '2026-10-01 00:00:00+00'";

export async function seedConsoleCourse(db: Database, participants: number): Promise<void> {
  // A throwaway schema: no WAL and no foreign-key lookups while loading, which the reads
  // being measured do not depend on.
  await db.exec(`ALTER TABLE lesson_progress DROP CONSTRAINT IF EXISTS lesson_progress_participant_id_fkey;
    ALTER TABLE device_streams DROP CONSTRAINT IF EXISTS device_streams_participant_id_fkey;
    ALTER TABLE participants SET UNLOGGED; ALTER TABLE lesson_progress SET UNLOGGED;
    ALTER TABLE participant_summaries SET UNLOGGED;`);
  const people = `SELECT i, 'p' || lpad(i::text, 7, '0') AS pid, 1 + (i * 7919) % 21 AS reach,
      (i * 31) % ${LESSON_SECONDS} AS partial,
      ${T0} + ((i * 7) % 2592000) * interval '1 second' AS active
    FROM generate_series(1::bigint, ${participants}) AS i`;
  await db.exec(`INSERT INTO participants (id, anchor_at, created_at, credited_seconds)
    SELECT pid, ${T0}, ${T0}, 0 FROM (${people}) p`);
  await db.exec(`INSERT INTO lesson_progress (participant_id, course_id, lesson_id, credited_segments,
      watched_seconds, coverage, position, completed_at, flags, updated_at)
    SELECT p.pid, '${BENCH_COURSE}', 'lesson-' || l, jsonb_build_array(jsonb_build_array(0, w.s)), w.s,
      w.s / ${LESSON_SECONDS}.0, w.s, CASE WHEN l < p.reach THEN w.at END, '{}', w.at
    FROM (${people}) p
    CROSS JOIN LATERAL generate_series(1, least(p.reach, ${BENCH_LESSONS})) AS l
    CROSS JOIN LATERAL (SELECT (CASE WHEN l < p.reach THEN ${LESSON_SECONDS} ELSE p.partial END)::float8 AS s,
      p.active - (p.reach - l) * interval '1 hour' AS at) w`);
  await db.exec(`INSERT INTO participant_summaries (course_id, participant_id, lessons_started,
      lessons_completed, watched_seconds, flags, flagged_events, first_activity_at, last_activity_at,
      finished_at, finish_seconds)
    SELECT '${BENCH_COURSE}', pid, least(reach, ${BENCH_LESSONS}), reach - 1,
      (reach - 1) * ${LESSON_SECONDS} + CASE WHEN reach <= ${BENCH_LESSONS} THEN partial ELSE 0 END,
      CASE WHEN i % 100 = 0 THEN '{pace:too-fast}'::text[] ELSE '{}' END, CASE WHEN i % 100 = 0 THEN 1 ELSE 0 END,
      active - (reach * 3600 + i % 86400) * interval '1 second', active,
      CASE WHEN reach > ${BENCH_LESSONS} THEN active END,
      CASE WHEN reach > ${BENCH_LESSONS} THEN reach * 3600 + i % 86400 END
    FROM (${people}) p`);
  await db.exec(`INSERT INTO console_counters (course_id, lesson_id, metric, shard, value)
    SELECT '${BENCH_COURSE}', '', 'participants', 0, count(*) FROM participant_summaries WHERE course_id = '${BENCH_COURSE}'
    UNION ALL SELECT '${BENCH_COURSE}', '', 'finished', 0, count(finished_at) FROM participant_summaries WHERE course_id = '${BENCH_COURSE}'
    UNION ALL SELECT '${BENCH_COURSE}', '', 'flag:pace:too-fast', 0, sum(flagged_events) FROM participant_summaries WHERE course_id = '${BENCH_COURSE}'`);
  for (const row of await overviewFromLessonProgress(db)) {
    const counts = [
      ['started', row.started],
      ['completed', row.completed],
      ...row.reached.map((value, slice) => [`reach:${slice}`, value] as const),
    ];
    await db.query(
      `INSERT INTO console_counters (course_id, lesson_id, metric, shard, value)
       SELECT $1, $2, metric, 0, value FROM unnest($3::text[], $4::bigint[]) AS x(metric, value)`,
      [
        BENCH_COURSE,
        row.lessonId,
        counts.map(([metric]) => metric),
        counts.map(([, value]) => value),
      ],
    );
  }
  await db.exec('ANALYZE');
}

/**
 * The reference: the overview's per-lesson numbers computed by scanning lesson_progress (what a
 * server without summaries would do). Slices use the drop-off rule on [[0, watched]] segments.
 */
export async function overviewFromLessonProgress(db: Database) {
  const { rows } = await db.query<{
    lesson_id: string;
    slices: number;
    n: number;
    completed: number;
  }>(
    `SELECT lesson_id, least(20, floor(watched_seconds / ${LESSON_SECONDS / 20} + 0.5))::int AS slices,
       count(*)::int AS n, count(completed_at)::int AS completed
     FROM lesson_progress WHERE course_id = $1 GROUP BY 1, 2`,
    [BENCH_COURSE],
  );
  const lessons = new Map<
    string,
    { lessonId: string; started: number; completed: number; reached: number[] }
  >();
  for (const row of rows) {
    const lesson = lessons.get(row.lesson_id) ?? {
      lessonId: row.lesson_id,
      started: 0,
      completed: 0,
      reached: Array.from({ length: 20 }, () => 0),
    };
    lesson.started += row.n;
    lesson.completed += row.completed;
    for (let slice = 0; slice < row.slices; slice += 1)
      lesson.reached[slice] = (lesson.reached[slice] ?? 0) + row.n;
    lessons.set(row.lesson_id, lesson);
  }
  return [...lessons.values()];
}

/** The reference for the participants page: aggregate lesson_progress per participant, then sort. */
export async function firstPageFromLessonProgress(db: Database, limit: number) {
  const { rows } = await db.query<{ participant_id: string }>(
    `SELECT participant_id, count(completed_at) AS completed, sum(watched_seconds) AS watched,
       max(updated_at) AS last_at
     FROM lesson_progress WHERE course_id = $1 GROUP BY participant_id
     ORDER BY last_at DESC, participant_id DESC LIMIT $2`,
    [BENCH_COURSE, limit],
  );
  return rows;
}
