import { coverageOf, coveredSeconds, type Segment } from '../../domain/played-segments.ts';
import type { CreditFlag } from '../../domain/pace-check.ts';
import {
  lessonKey,
  streamKey,
  type BatchCredit,
  type LessonLedger,
  type ParticipantLedger,
  type StreamLedger,
} from '../../domain/server-credit.ts';
import type { CreditWindow } from '../../domain/stream-overlap.ts';
import type { Identity } from '../auth/identity.ts';
import { registerParticipant } from '../auth/participants.ts';
import type { CourseCatalog } from '../courses/course-catalog.ts';
import type { Queryable } from '../db/database.ts';
import type { CheckedEvent } from './check-event.ts';

export interface ParticipantRow {
  anchorMs: number;
  creditedSeconds: number;
}

/**
 * Takes the participant's row lock for the rest of the transaction: batches of one participant
 * are credited one after another, even when the same batch arrives twice at once.
 */
export async function lockParticipant(
  tx: Queryable,
  identity: Identity,
  nowMs: number,
): Promise<ParticipantRow> {
  await registerParticipant(tx, identity, nowMs);
  const { rows } = await tx.query<{ anchor_at: Date; credited_seconds: number }>(
    'SELECT anchor_at, credited_seconds FROM participants WHERE id = $1 FOR UPDATE',
    [identity.participantId],
  );
  const row = rows[0];
  if (!row) throw new Error('participant row missing after insert');
  return { anchorMs: new Date(row.anchor_at).getTime(), creditedSeconds: row.credited_seconds };
}

/** The participant's standing for the courses, devices and device-time span of `batch`. */
export async function loadLedger(
  tx: Queryable,
  participantId: string,
  participant: ParticipantRow,
  batch: readonly CheckedEvent[],
  nowMs: number,
): Promise<ParticipantLedger> {
  const courseIds = [...new Set(batch.map(({ event }) => event.courseId))];
  const deviceIds = [...new Set(batch.map(({ event }) => event.deviceId))];
  const ends = batch.map(({ event }) => Date.parse(event.deviceTime)).filter(Number.isFinite);
  const starts = batch
    .map(({ event }) => Date.parse(event.deviceTime) - event.elapsedMsSinceLast)
    .filter(Number.isFinite);
  // One after another: a transaction is one connection, which runs one query at a time.
  const lessons = await tx.query<{
    course_id: string;
    lesson_id: string;
    credited_segments: Segment[];
    completed_at: Date | null;
    flags: CreditFlag[];
    position: number;
  }>(
    `SELECT course_id, lesson_id, credited_segments, completed_at, flags, position FROM lesson_progress
       WHERE participant_id = $1 AND course_id = ANY($2::text[])`,
    [participantId, courseIds],
  );
  const streams = await tx.query<{
    device_id: string;
    course_id: string;
    lesson_id: string;
    elapsed_ms: number;
    credited_seconds: number;
    last_seq: number;
  }>(
    `SELECT device_id, course_id, lesson_id, elapsed_ms, credited_seconds, last_seq::float8 AS last_seq
       FROM device_streams WHERE participant_id = $1 AND device_id = ANY($2::text[])`,
    [participantId, deviceIds],
  );
  const windows =
    ends.length === 0
      ? { rows: [] }
      : await tx.query<{
          device_id: string;
          course_id: string;
          lesson_id: string;
          window_start_ms: number;
          window_end_ms: number;
          credited_seconds: number;
        }>(
          `SELECT device_id, course_id, lesson_id, window_start_ms, window_end_ms, credited_seconds FROM events
           WHERE participant_id = $1 AND credited_seconds > 0 AND window_end_ms > $2 AND window_start_ms < $3`,
          [participantId, Math.min(...starts), Math.max(...ends)],
        );
  return {
    nowMs,
    anchorMs: participant.anchorMs,
    creditedTotalSeconds: participant.creditedSeconds,
    lessons: new Map(
      lessons.rows.map((row): [string, LessonLedger] => [
        lessonKey(row.course_id, row.lesson_id),
        {
          courseId: row.course_id,
          lessonId: row.lesson_id,
          credited: row.credited_segments,
          completedAt: row.completed_at === null ? null : new Date(row.completed_at).getTime(),
          flags: row.flags,
          position: row.position,
        },
      ]),
    ),
    streams: new Map(
      streams.rows.map((row): [string, StreamLedger] => [
        streamKey(row.device_id, row.course_id, row.lesson_id),
        {
          deviceId: row.device_id,
          courseId: row.course_id,
          lessonId: row.lesson_id,
          elapsedMs: row.elapsed_ms,
          creditedSeconds: row.credited_seconds,
          lastSeq: row.last_seq,
        },
      ]),
    ),
    windows: windows.rows.map((row): CreditWindow => ({
      deviceId: row.device_id,
      lessonKey: lessonKey(row.course_id, row.lesson_id),
      startMs: row.window_start_ms,
      endMs: row.window_end_ms,
      creditedSeconds: row.credited_seconds,
    })),
  };
}

/** Writes back the lessons and device streams the batch changed and the participant's total. */
export async function saveLedger(
  tx: Queryable,
  participantId: string,
  credit: BatchCredit,
  courses: CourseCatalog,
): Promise<LessonLedger[]> {
  const { ledger } = credit;
  const lessons = [...credit.changedLessons].flatMap((key) => ledger.lessons.get(key) ?? []);
  const lessonRecords = lessons.map((lesson) => {
    const duration =
      courses.get(lesson.courseId)?.lessons.find((item) => item.id === lesson.lessonId)
        ?.durationSeconds ?? 0;
    return {
      course_id: lesson.courseId,
      lesson_id: lesson.lessonId,
      credited_segments: lesson.credited,
      watched_seconds: coveredSeconds(lesson.credited, duration),
      coverage: coverageOf(lesson.credited, duration),
      position: lesson.position,
      completed_at: lesson.completedAt === null ? null : new Date(lesson.completedAt).toISOString(),
      flags: lesson.flags,
    };
  });
  const streamRecords = [...credit.changedStreams].flatMap((key) => {
    const stream = ledger.streams.get(key);
    if (!stream) return [];
    return [
      {
        device_id: stream.deviceId,
        course_id: stream.courseId,
        lesson_id: stream.lessonId,
        elapsed_ms: stream.elapsedMs,
        credited_seconds: stream.creditedSeconds,
        last_seq: stream.lastSeq,
      },
    ];
  });
  const now = new Date(ledger.nowMs).toISOString();
  if (lessonRecords.length > 0) {
    await tx.query(
      `INSERT INTO lesson_progress (participant_id, course_id, lesson_id, credited_segments, watched_seconds,
         coverage, position, completed_at, flags, updated_at)
       SELECT $2, course_id, lesson_id, credited_segments, watched_seconds, coverage, position, completed_at, flags, $3::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x(course_id text, lesson_id text, credited_segments jsonb,
         watched_seconds float8, coverage float8, position float8, completed_at timestamptz, flags text[])
       ON CONFLICT (participant_id, course_id, lesson_id) DO UPDATE SET
         credited_segments = EXCLUDED.credited_segments, watched_seconds = EXCLUDED.watched_seconds,
         coverage = EXCLUDED.coverage, position = EXCLUDED.position,
         completed_at = COALESCE(lesson_progress.completed_at, EXCLUDED.completed_at),
         flags = EXCLUDED.flags, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(lessonRecords), participantId, now],
    );
  }
  if (streamRecords.length > 0) {
    await tx.query(
      `INSERT INTO device_streams (participant_id, device_id, course_id, lesson_id, elapsed_ms, credited_seconds, last_seq)
       SELECT $2, device_id, course_id, lesson_id, elapsed_ms, credited_seconds, last_seq
       FROM jsonb_to_recordset($1::jsonb) AS x(device_id text, course_id text, lesson_id text,
         elapsed_ms float8, credited_seconds float8, last_seq bigint)
       ON CONFLICT (participant_id, device_id, course_id, lesson_id) DO UPDATE SET
         elapsed_ms = EXCLUDED.elapsed_ms, credited_seconds = EXCLUDED.credited_seconds, last_seq = EXCLUDED.last_seq`,
      [JSON.stringify(streamRecords), participantId],
    );
  }
  await tx.query('UPDATE participants SET credited_seconds = $2 WHERE id = $1', [
    participantId,
    ledger.creditedTotalSeconds,
  ]);
  return lessons;
}
