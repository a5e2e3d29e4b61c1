import type { ClaimOutcome } from '../../domain/server-credit.ts';
import type { Queryable } from '../db/database.ts';
import type { CheckedEvent } from './check-event.ts';

export interface StoredEvent {
  participantId: string;
  payloadHash: string;
}

export interface StoredLookup {
  byId: Map<string, StoredEvent>;
  /** "deviceId|seq" pairs this participant already used. */
  takenSeqs: Set<string>;
}

export const seqKey = (deviceId: string, seq: number) => `${deviceId}|${seq}`;

/** What the database already holds for these events' ids and device sequence numbers. */
export async function findStored(
  tx: Queryable,
  participantId: string,
  batch: readonly CheckedEvent[],
): Promise<StoredLookup> {
  const ids = batch.map(({ event }) => event.id);
  const byIdRows = await tx.query<{ id: string; participant_id: string; payload_hash: string }>(
    `SELECT id::text AS id, participant_id, payload_hash FROM events
     WHERE participant_id = $1 AND id = ANY($2::uuid[])`,
    [participantId, ids],
  );
  const seqRows = await tx.query<{ device_id: string; seq: number }>(
    `SELECT device_id, seq::float8 AS seq FROM events
     WHERE participant_id = $1 AND (device_id, seq) IN (SELECT * FROM unnest($2::text[], $3::bigint[]))`,
    [participantId, batch.map(({ event }) => event.deviceId), batch.map(({ event }) => event.seq)],
  );
  return {
    byId: new Map(
      byIdRows.rows.map((row) => [
        row.id,
        { participantId: row.participant_id, payloadHash: row.payload_hash },
      ]),
    ),
    takenSeqs: new Set(seqRows.rows.map((row) => seqKey(row.device_id, row.seq))),
  };
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * Stores new events with what was credited from each, in one statement. Returns how many rows
 * were inserted: fewer than given means another transaction stored one of the ids meanwhile.
 */
export async function insertEvents(
  tx: Queryable,
  participantId: string,
  receivedAtMs: number,
  rows: readonly { checked: CheckedEvent; outcome: ClaimOutcome }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map(({ checked: { event, payloadHash }, outcome }) => ({
    id: event.id,
    device_id: event.deviceId,
    seq: event.seq,
    course_id: event.courseId,
    lesson_id: event.lessonId,
    type: event.type,
    position: event.position,
    segments: event.segments,
    played_since_last: event.playedSinceLast,
    elapsed_ms_since_last: event.elapsedMsSinceLast,
    device_time: event.deviceTime,
    payload_hash: payloadHash,
    credited_seconds: outcome.creditedSeconds,
    credited_segments: outcome.creditedSegments,
    window_start_ms: finiteOrNull(outcome.windowStartMs),
    window_end_ms: finiteOrNull(outcome.windowEndMs),
    flags: outcome.flags,
  }));
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO events (id, participant_id, device_id, seq, course_id, lesson_id, type, position, segments,
       played_since_last, elapsed_ms_since_last, device_time, received_at, payload_hash, credited_seconds,
       credited_segments, window_start_ms, window_end_ms, flags)
     SELECT id, $2, device_id, seq, course_id, lesson_id, type, position, segments, played_since_last,
       elapsed_ms_since_last, device_time, $3::timestamptz, payload_hash, credited_seconds, credited_segments,
       window_start_ms, window_end_ms, flags
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, device_id text, seq bigint, course_id text, lesson_id text,
       type text, position float8, segments jsonb, played_since_last float8, elapsed_ms_since_last float8,
       device_time text, payload_hash text, credited_seconds float8, credited_segments jsonb,
       window_start_ms float8, window_end_ms float8, flags text[])
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [JSON.stringify(records), participantId, new Date(receivedAtMs).toISOString()],
  );
  return inserted.length;
}
