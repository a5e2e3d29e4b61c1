// zod's tree-shakable API: the player's page carries this (docs/decisions/0018).
import * as z from 'zod/mini';
import { mergeSegments } from './played-segments.ts';

/**
 * Lesson events: an append-only log written by the player and sent to the server by the outbox.
 * `id` is a client UUID (idempotency key); `seq` a per-device sequence number; `deviceTime` the
 * device clock, kept for the record only: the server orders and trusts by its own receive time.
 */
export const LESSON_EVENT_TYPES = ['started', 'progress', 'completed'] as const;
export type LessonEventType = (typeof LESSON_EVENT_TYPES)[number];

/** The server's answer for one event of a batch; the outbox and QA scripts read the same set. */
export const DELIVERY_STATUSES = [
  'accepted',
  'duplicate',
  'conflict',
  'invalid',
  'rejected',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const seconds = z.number().check(z.minimum(0), z.maximum(86_400));

const segmentSchema = z
  .tuple([seconds, seconds])
  .check(z.refine(([start, end]) => end > start, 'segment end must be after its start'));

export const lessonEventSchema = z.object({
  id: z.uuid(),
  deviceId: z.string().check(z.minLength(8), z.maxLength(64)),
  seq: z.int().check(z.minimum(0)),
  deviceTime: z.iso.datetime({ offset: true }),
  courseId: z.string().check(z.minLength(1), z.maxLength(64)),
  lessonId: z.string().check(z.minLength(1), z.maxLength(64)),
  type: z.enum(LESSON_EVENT_TYPES),
  /** Position (seconds) when the event was written. */
  position: seconds,
  /** All segments played in this lesson so far on this device (merged). */
  segments: z.array(segmentSchema).check(z.maxLength(2000)),
  /** Seconds of play credited since this device's previous event for the lesson. */
  playedSinceLast: z._default(seconds, 0),
  /** Monotonic milliseconds elapsed on the device since its previous event for the lesson. */
  elapsedMsSinceLast: z._default(z.number().check(z.minimum(0)), 0),
});

export type LessonEvent = z.infer<typeof lessonEventSchema>;
export type LessonEventInput = z.input<typeof lessonEventSchema>;

export function normalizeEventSegments(event: LessonEvent): LessonEvent {
  return { ...event, segments: mergeSegments(event.segments).map(([s, e]) => [s, e]) };
}
