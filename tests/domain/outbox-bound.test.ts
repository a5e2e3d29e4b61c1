import { describe, expect, it } from 'vitest';
import type { LessonEvent } from '../../src/domain/lesson-events.ts';
import {
  mergeProgressEvents,
  OUTBOX_BOUND,
  OUTBOX_WARN_AT,
  outboxRoom,
} from '../../src/domain/outbox-bound.ts';

const event = (overrides: Partial<LessonEvent> = {}): LessonEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  deviceId: 'device-123',
  seq: 1,
  deviceTime: '2024-01-01T00:00:10.000Z',
  courseId: 'c',
  lessonId: 'l',
  type: 'progress',
  position: 10,
  segments: [[0, 10]],
  playedSinceLast: 10,
  elapsedMsSinceLast: 10_000,
  ...overrides,
});

describe('outboxRoom', () => {
  it.each([
    [0, 'ok'],
    [OUTBOX_WARN_AT - 1, 'ok'],
    [OUTBOX_WARN_AT, 'low'],
    [OUTBOX_BOUND - 1, 'low'],
    [OUTBOX_BOUND, 'full'],
    [OUTBOX_BOUND + 40, 'full'],
  ])('calls %i pending events %s', (pending, room) => {
    expect(outboxRoom(pending)).toBe(room);
  });
});

describe('mergeProgressEvents', () => {
  const newer = event({
    id: '00000000-0000-4000-8000-000000000002',
    seq: 2,
    deviceTime: '2024-01-01T00:00:25.000Z',
    position: 20,
    segments: [[0, 20]],
    playedSinceLast: 10,
    elapsedMsSinceLast: 15_000,
  });

  it('keeps the newer id, seq, segments and position and sums played and elapsed time', () => {
    expect(mergeProgressEvents(event(), newer)).toEqual({
      ...newer,
      playedSinceLast: 20,
      elapsedMsSinceLast: 25_000,
    });
  });

  it.each([
    ['an older started event', { type: 'started' as const }, {}],
    ['a newer completed event', {}, { type: 'completed' as const }],
    ['another lesson', { lessonId: 'other' }, {}],
    ['another course', { courseId: 'other' }, {}],
    ['another device', { deviceId: 'device-456' }, {}],
  ])('does not merge with %s', (_, olderChange, newerChange) => {
    expect(mergeProgressEvents(event(olderChange), { ...newer, ...newerChange })).toBeUndefined();
  });
});
