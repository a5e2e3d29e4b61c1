import type { LessonEventType } from '../domain/lesson-events.ts';
import type { LessonProgressRecord, RuntutDb } from './runtut-db.ts';
import { deviceIdOf, takeNextSeq } from './device-meta.ts';

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
export function createProgressRepository(db: RuntutDb) {
  return {
    async loadCourse(participantId: string, courseId: string): Promise<LessonProgressRecord[]> {
      return db.progress
        .where('[participantId+courseId]')
        .equals([participantId, courseId])
        .toArray();
    },

    async save(record: LessonProgressRecord, facts?: EventFacts): Promise<void> {
      const deviceId = await deviceIdOf(db);
      await db.transaction('rw', db.progress, db.events, db.meta, async () => {
        await db.progress.put(record);
        if (!facts) return;
        const seq = await takeNextSeq(db);
        await db.events.add({
          participantId: record.participantId,
          delivery: 'pending',
          event: {
            id: crypto.randomUUID(),
            deviceId,
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
        });
      });
    },
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;
