import type { LessonEventType } from '../domain/lesson-events.ts';
import type { LessonProgressRecord, RuntutDb } from './runtut-db.ts';
import { deviceIdOf, takeNextSeq } from './device-meta.ts';
import { addWithinBound } from './outbox-bound.ts';

export interface EventFacts {
  type: LessonEventType;
  playedSinceLast: number;
  elapsedMsSinceLast: number;
  deviceTime: string;
}

/**
 * Progress and the events that report it are written in ONE transaction: the outbox can never
 * hold an event for progress that was not saved, nor miss one for progress that was.
 */
export function createProgressRepository(db: RuntutDb, options: { outboxBound?: number } = {}) {
  // Read once: every save then is a single transaction, which matters on pause and pagehide,
  // when the page may be gone a few milliseconds later.
  let deviceId: Promise<string> | undefined;
  return {
    async loadCourse(participantId: string, courseId: string): Promise<LessonProgressRecord[]> {
      return db.progress
        .where('[participantId+courseId]')
        .equals([participantId, courseId])
        .toArray();
    },

    async save(record: LessonProgressRecord, facts?: EventFacts): Promise<void> {
      if (!facts) {
        await db.progress.put(record);
        return;
      }
      deviceId ??= deviceIdOf(db).catch((error: unknown) => {
        deviceId = undefined;
        throw error;
      });
      const device = await deviceId;
      await db.transaction('rw', db.progress, db.events, db.meta, async () => {
        await db.progress.put(record);
        const seq = await takeNextSeq(db);
        await addWithinBound(
          db,
          {
            participantId: record.participantId,
            delivery: 'pending',
            event: {
              id: crypto.randomUUID(),
              deviceId: device,
              seq,
              deviceTime: facts.deviceTime,
              courseId: record.courseId,
              lessonId: record.lessonId,
              type: facts.type,
              position: record.position,
              segments: record.segments.map(([start, end]) => [start, end]),
              playedSinceLast: facts.playedSinceLast,
              elapsedMsSinceLast: facts.elapsedMsSinceLast,
            },
          },
          options.outboxBound,
        );
      });
    },
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;
