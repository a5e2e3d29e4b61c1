import type { CourseManifest } from '../../domain/course-manifest.ts';
import type { Segment } from '../../domain/played-segments.ts';
import type { Queryable } from '../db/database.ts';
import { formatWit } from './completion-report.ts';
import { toParticipantRow, type ParticipantRow } from './participant-page.ts';
import { titleOf } from './titles.ts';

export interface LessonStandingRow {
  position: number;
  lessonId: string;
  lessonTitle: string;
  durationSeconds: number;
  /** What the server credited, merged, in seconds of media. */
  segments: Segment[];
  watchedSeconds: number;
  coverage: number;
  completedAt: string | null;
  completedAtWit: string | null;
  flags: string[];
}

export interface DeviceSeen {
  deviceId: string;
  events: number;
  creditedSeconds: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface FlaggedEvent {
  eventId: string;
  receivedAt: string;
  receivedAtWit: string;
  deviceId: string;
  lessonId: string;
  type: string;
  /** What the device said it played since its previous event (seconds). */
  playedSinceLast: number;
  elapsedSeconds: number;
  creditedSeconds: number;
  flags: string[];
}

export interface ParticipantDetail {
  courseId: string;
  participant: ParticipantRow;
  lessons: LessonStandingRow[];
  devices: DeviceSeen[];
  flaggedEvents: FlaggedEvent[];
}

export const LESSON_STANDING_COLUMNS = [
  'position',
  'lessonId',
  'lessonTitle',
  'durationSeconds',
  'watchedSeconds',
  'coverage',
  'segments',
  'completedAt',
  'completedAtWit',
  'flags',
] as const;

/** At most this many flagged events are listed, oldest first. */
export const FLAGGED_EVENTS_SHOWN = 500;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** One participant in one course, from their own rows only (keyed by participant). */
export async function participantDetail(
  db: Queryable,
  course: CourseManifest,
  participantId: string,
): Promise<ParticipantDetail | undefined> {
  const summary = await db.query<Parameters<typeof toParticipantRow>[1]>(
    `SELECT participant_id, lessons_started, lessons_completed, watched_seconds, last_activity_at,
       finished_at, flagged_events, flags
     FROM participant_summaries WHERE course_id = $1 AND participant_id = $2`,
    [course.id, participantId],
  );
  const row = summary.rows[0];
  if (!row) return undefined;
  const progress = await db.query<{
    lesson_id: string;
    credited_segments: Segment[];
    watched_seconds: number;
    coverage: number;
    completed_at: Date | null;
    flags: string[];
  }>(
    `SELECT lesson_id, credited_segments, watched_seconds, coverage, completed_at, flags
     FROM lesson_progress WHERE participant_id = $1 AND course_id = $2`,
    [participantId, course.id],
  );
  const devices = await db.query<{
    device_id: string;
    events: number;
    credited: number;
    first_at: Date;
    last_at: Date;
  }>(
    `SELECT device_id, count(*)::int AS events, sum(credited_seconds)::float8 AS credited,
       min(received_at) AS first_at, max(received_at) AS last_at
     FROM events WHERE participant_id = $1 AND course_id = $2 GROUP BY device_id ORDER BY min(received_at)`,
    [participantId, course.id],
  );
  const flagged = await db.query<{
    id: string;
    received_at: Date;
    device_id: string;
    lesson_id: string;
    type: string;
    played_since_last: number;
    elapsed_ms_since_last: number;
    credited_seconds: number;
    flags: string[];
  }>(
    `SELECT id::text AS id, received_at, device_id, lesson_id, type, played_since_last,
       elapsed_ms_since_last, credited_seconds, flags
     FROM events WHERE participant_id = $1 AND course_id = $2 AND cardinality(flags) > 0
     ORDER BY received_at, device_id, seq LIMIT ${FLAGGED_EVENTS_SHOWN}`,
    [participantId, course.id],
  );
  const byLesson = new Map(progress.rows.map((item) => [item.lesson_id, item]));
  return {
    courseId: course.id,
    participant: toParticipantRow(course, row),
    lessons: course.lessons.map((lesson, index) => {
      const stored = byLesson.get(lesson.id);
      const completed = stored?.completed_at ? new Date(stored.completed_at) : null;
      return {
        position: index + 1,
        lessonId: lesson.id,
        lessonTitle: titleOf(lesson.title),
        durationSeconds: lesson.durationSeconds,
        segments: (stored?.credited_segments ?? []).map(([a, b]): Segment => [
          round3(a),
          round3(b),
        ]),
        watchedSeconds: round3(stored?.watched_seconds ?? 0),
        coverage: Math.round((stored?.coverage ?? 0) * 10_000) / 10_000,
        completedAt: completed?.toISOString() ?? null,
        completedAtWit: completed ? formatWit(completed) : null,
        flags: [...(stored?.flags ?? [])].sort(),
      };
    }),
    devices: devices.rows.map((device) => ({
      deviceId: device.device_id,
      events: device.events,
      creditedSeconds: round3(device.credited),
      firstSeenAt: new Date(device.first_at).toISOString(),
      lastSeenAt: new Date(device.last_at).toISOString(),
    })),
    flaggedEvents: flagged.rows.map((event) => ({
      eventId: event.id,
      receivedAt: new Date(event.received_at).toISOString(),
      receivedAtWit: formatWit(new Date(event.received_at)),
      deviceId: event.device_id,
      lessonId: event.lesson_id,
      type: event.type,
      playedSinceLast: round3(event.played_since_last),
      elapsedSeconds: round3(event.elapsed_ms_since_last / 1000),
      creditedSeconds: round3(event.credited_seconds),
      flags: [...event.flags].sort(),
    })),
  };
}

/** Segments as "0-12.5;20-30" for the CSV. */
export const segmentsText = (segments: readonly Segment[]) =>
  segments.map(([start, end]) => `${start}-${end}`).join(';');
