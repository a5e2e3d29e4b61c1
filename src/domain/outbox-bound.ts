import type { LessonEvent } from './lesson-events.ts';

/**
 * How many unsent events one participant's outbox holds before new progress events are merged
 * into the one before them. A row is ~0.4 kB of JSON (an event with a few segments; IndexedDB's
 * own overhead about doubles it), so the bound is ~5–10 MB on the device; at one progress event
 * per 10 s of play it is ~33 hours watched with no signal: weeks for most participants. Docs:
 * docs/decisions/0007-outbox-bound.md.
 */
export const OUTBOX_BOUND = 12_000;
/** From here (~25 hours of offline play) the participant is told to connect first. */
export const OUTBOX_WARN_AT = 9_000;
/** Delivered rows kept after acknowledgement (newest first), for QA replays and support. */
export const KEEP_DELIVERED = 50;

export type OutboxRoom = 'ok' | 'low' | 'full';

export function outboxRoom(pending: number): OutboxRoom {
  if (pending >= OUTBOX_BOUND) return 'full';
  return pending >= OUTBOX_WARN_AT ? 'low' : 'ok';
}

/**
 * Merges a new progress event into the unsent one just before it, when both report the same
 * lesson on the same device: segments are cumulative, so the newer carries everything played;
 * played and elapsed time are summed, so the server's pace check sees one longer window at the
 * same pace. The result gets the newer event's id and seq (it is a new event: the older may
 * have reached the server unacknowledged, and must not be changed under its id). Returns
 * undefined when they cannot be merged, and the new event is then kept as it is.
 */
export function mergeProgressEvents(
  older: LessonEvent,
  newer: LessonEvent,
): LessonEvent | undefined {
  const mergeable =
    older.type === 'progress' &&
    newer.type === 'progress' &&
    older.deviceId === newer.deviceId &&
    older.courseId === newer.courseId &&
    older.lessonId === newer.lessonId;
  if (!mergeable) return undefined;
  return {
    ...newer,
    playedSinceLast: Math.min(86_400, older.playedSinceLast + newer.playedSinceLast),
    elapsedMsSinceLast: older.elapsedMsSinceLast + newer.elapsedMsSinceLast,
  };
}
