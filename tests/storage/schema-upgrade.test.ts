import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createEventOutbox } from '../../src/storage/event-outbox.ts';
import { RuntutDb } from '../../src/storage/runtut-db.ts';

describe('RuntutDb version 2', () => {
  it('opens a version 1 database with its pending events intact and finds them by participant', async () => {
    const name = `runtut-upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      progress: '[participantId+courseId+lessonId], [participantId+courseId]',
      events: '++localId, [delivery+localId], event.id, participantId',
      meta: 'key',
    });
    const event = (position: number) => ({
      id: crypto.randomUUID(),
      deviceId: 'device-123',
      seq: position,
      deviceTime: '2024-01-01T00:00:00.000Z',
      courseId: 'c',
      lessonId: 'l',
      type: 'progress',
      position,
      segments: [],
      playedSinceLast: 0,
      elapsedMsSinceLast: 0,
    });
    await v1.table('events').bulkAdd([
      { participantId: 'p-1', delivery: 'pending', event: event(1) },
      { participantId: 'p-2', delivery: 'pending', event: event(2) },
      { participantId: 'p-1', delivery: 'delivered', event: event(3) },
      { participantId: 'p-1', delivery: 'pending', event: event(4) },
    ]);
    v1.close();

    const db = new RuntutDb(name);
    const outbox = createEventOutbox(db);
    expect(await outbox.countPending('p-1')).toBe(2);
    expect((await outbox.oldestPending('p-1', 10)).map((row) => row.event.position)).toEqual([
      1, 4,
    ]);
    expect(db.verno).toBe(2);
    await db.delete();
  });
});
