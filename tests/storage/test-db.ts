import 'fake-indexeddb/auto';
import type { LessonProgressRecord } from '../../src/storage/runtut-db.ts';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import type { EventFacts } from '../../src/storage/progress-repository.ts';

/** A fresh database on fake-indexeddb, unique per call so tests never share rows. */
export function freshDb(): RuntutDb {
  return new RuntutDb(`runtut-test-${crypto.randomUUID()}`);
}

export function progressRecord(
  overrides: Partial<LessonProgressRecord> = {},
): LessonProgressRecord {
  return {
    participantId: 'p-1',
    courseId: 'course-a',
    lessonId: 'lesson-1',
    segments: [[0, 10]],
    frontier: 10,
    position: 10,
    completedAt: null,
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function facts(overrides: Partial<EventFacts> = {}): EventFacts {
  return {
    type: 'progress',
    playedSinceLast: 10,
    elapsedMsSinceLast: 10_000,
    deviceTime: '2024-01-01T00:00:10.000+08:00',
    ...overrides,
  };
}
