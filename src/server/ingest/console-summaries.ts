import type { BatchCredit, Claim, ParticipantLedger } from '../../domain/server-credit.ts';
import { summaryChanges } from '../../domain/summary-changes.ts';
import type { CourseCatalog } from '../courses/course-catalog.ts';
import type { Queryable } from '../db/database.ts';

/** Counters are split over this many rows per metric (see 005_console_summaries.sql). */
export const COUNTER_SHARDS = 16;

export function shardOf(participantId: string): number {
  let hash = 0;
  for (let i = 0; i < participantId.length; i += 1)
    hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return hash % COUNTER_SHARDS;
}

/**
 * Keeps the console's summaries up to date: called once per credited batch, inside the ingest
 * transaction, after lesson_progress is saved. `before` is the ledger as loaded, `credit` what
 * the batch made of it. Counter rows are upserted in key order so two batches never deadlock.
 */
export async function updateConsoleSummaries(
  tx: Queryable,
  participantId: string,
  before: ParticipantLedger,
  credit: BatchCredit,
  claims: readonly Claim[],
  courses: CourseCatalog,
): Promise<void> {
  const changes = summaryChanges({
    before: before.lessons,
    after: credit.ledger.lessons,
    events: claims.map((claim, i) => ({
      courseId: claim.event.courseId,
      outcome: credit.outcomes[i] ?? { flags: [] },
    })),
    lessonOrder: courses.lessonOrder,
  });
  const now = new Date(credit.ledger.nowMs).toISOString();
  if (changes.participants.length > 0) {
    await tx.query(
      `INSERT INTO participant_summaries (course_id, participant_id, lessons_started, lessons_completed,
         watched_seconds, flags, flagged_events, first_activity_at, last_activity_at, finished_at, finish_seconds)
       SELECT course_id, $2, lessons_started, lessons_completed, watched_seconds, flags, flagged_events,
         $3::timestamptz, $3::timestamptz, CASE WHEN finished THEN $3::timestamptz END, CASE WHEN finished THEN 0 END
       FROM jsonb_to_recordset($1::jsonb) AS x(course_id text, lessons_started int, lessons_completed int,
         watched_seconds float8, flags text[], flagged_events int, finished boolean)
       ON CONFLICT (course_id, participant_id) DO UPDATE SET
         lessons_started = EXCLUDED.lessons_started, lessons_completed = EXCLUDED.lessons_completed,
         watched_seconds = EXCLUDED.watched_seconds, flags = EXCLUDED.flags,
         flagged_events = participant_summaries.flagged_events + EXCLUDED.flagged_events,
         last_activity_at = EXCLUDED.last_activity_at,
         finished_at = COALESCE(participant_summaries.finished_at, EXCLUDED.finished_at),
         finish_seconds = COALESCE(participant_summaries.finish_seconds,
           EXTRACT(EPOCH FROM EXCLUDED.finished_at - participant_summaries.first_activity_at))`,
      [
        JSON.stringify(
          changes.participants.map((row) => ({
            course_id: row.courseId,
            lessons_started: row.lessonsStarted,
            lessons_completed: row.lessonsCompleted,
            watched_seconds: row.watchedSeconds,
            flags: row.flags,
            flagged_events: row.flaggedEvents,
            finished: row.finished,
          })),
        ),
        participantId,
        now,
      ],
    );
  }
  if (changes.counters.length === 0) return;
  const totals = new Map<string, number>();
  for (const { courseId, lessonId, metric, delta } of changes.counters) {
    const key = JSON.stringify([courseId, lessonId, metric]);
    totals.set(key, (totals.get(key) ?? 0) + delta);
  }
  const rows = [...totals].map(([key, value]) => {
    const [course_id, lesson_id, metric] = JSON.parse(key) as [string, string, string];
    return { course_id, lesson_id, metric, value };
  });
  await tx.query(
    `INSERT INTO console_counters (course_id, lesson_id, metric, shard, value)
     SELECT course_id, lesson_id, metric, $2, value
     FROM jsonb_to_recordset($1::jsonb) AS x(course_id text, lesson_id text, metric text, value bigint)
     ORDER BY course_id, lesson_id, metric
     ON CONFLICT (course_id, lesson_id, metric, shard) DO UPDATE SET value = console_counters.value + EXCLUDED.value`,
    [JSON.stringify(rows), shardOf(participantId)],
  );
}
