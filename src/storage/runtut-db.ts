import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { LessonEvent } from '../domain/lesson-events.ts';
import type { Segment } from '../domain/played-segments.ts';

/** Per participant and lesson: what was really played and where to resume. */
export interface LessonProgressRecord {
  participantId: string;
  courseId: string;
  lessonId: string;
  segments: Segment[];
  /** Furthest point actually watched (the seek limit). */
  frontier: number;
  /** Last playback position, to resume within ±2 s. */
  position: number;
  /** ISO time the lesson completed on this device, or null. */
  completedAt: string | null;
  updatedAt: string;
}

export type EventDelivery = 'pending' | 'delivered' | 'invalid';

/** The append-only lesson event log; pending rows are the sync outbox. */
export interface StoredLessonEvent {
  localId?: number;
  participantId: string;
  event: LessonEvent;
  delivery: EventDelivery;
  /** Why the server refused it (for 'invalid'), shown to the participant. */
  reason?: string;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class RuntutDb extends Dexie {
  progress!: Table<LessonProgressRecord, [string, string, string]>;
  events!: EntityTable<StoredLessonEvent, 'localId'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  /** `options` can hand Dexie another IndexedDB (the in-memory one, see memory-database.ts). */
  constructor(name = 'runtut', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      progress: '[participantId+courseId+lessonId], [participantId+courseId]',
      events: '++localId, [delivery+localId], event.id, participantId',
      meta: 'key',
    });
    // v2: the outbox reads "pending events of this participant, oldest first" and counts them
    // after every batch; without this index both walk every pending row of every participant
    // (seconds per count at 10,000 rows). Only an index is added: no data changes.
    this.version(2).stores({
      events:
        '++localId, [delivery+localId], event.id, participantId, [participantId+delivery+localId]',
    });
  }
}
