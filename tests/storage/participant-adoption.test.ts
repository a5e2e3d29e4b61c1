import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readMeta } from '../../src/storage/device-meta.ts';
import { createEventOutbox } from '../../src/storage/event-outbox.ts';
import { moveParticipantRows } from '../../src/storage/participant-adoption.ts';
import { createProgressRepository } from '../../src/storage/progress-repository.ts';
import type { RuntutDb } from '../../src/storage/runtut-db.ts';
import { adoptProvisionalIdentity, type Identity } from '../../src/sync/identity.ts';
import { facts, freshDb, progressRecord } from './test-db.ts';

let db: RuntutDb;
afterEach(async () => {
  await db.delete();
});

const provisional: Identity = { participantId: 'provisional-1', token: null, mode: 'demo' };
const real: Identity = { participantId: 'server-7', token: 'tok', mode: 'demo' };

async function seedProvisional(): Promise<void> {
  const repository = createProgressRepository(db);
  await repository.save(
    progressRecord({
      participantId: 'provisional-1',
      lessonId: 'lesson-1',
      completedAt: '2024-01-01T00:10:00.000Z',
    }),
    facts({ type: 'completed' }),
  );
  await repository.save(
    progressRecord({
      participantId: 'provisional-1',
      lessonId: 'lesson-2',
      segments: [[0, 4]],
      frontier: 4,
    }),
    facts(),
  );
  await repository.save(
    progressRecord({
      participantId: 'provisional-1',
      lessonId: 'lesson-2',
      segments: [[0, 8]],
      frontier: 8,
    }),
    facts(),
  );
  await repository.save(progressRecord({ participantId: 'someone-else' }), facts());
}

describe('adoptProvisionalIdentity', () => {
  it('moves every progress and event row of the provisional participant to the real one', async () => {
    db = freshDb();
    await seedProvisional();
    await adoptProvisionalIdentity(db, provisional, real);

    const repository = createProgressRepository(db);
    expect(await repository.loadCourse('provisional-1', 'course-a')).toEqual([]);
    const moved = await repository.loadCourse('server-7', 'course-a');
    expect(moved.map((row) => [row.lessonId, row.frontier, row.completedAt])).toEqual([
      ['lesson-1', 10, '2024-01-01T00:10:00.000Z'],
      ['lesson-2', 8, null],
    ]);
    const outbox = createEventOutbox(db);
    expect(await outbox.countPending('provisional-1')).toBe(0);
    expect(await outbox.countPending('server-7')).toBe(3);
    expect(await outbox.countPending('someone-else')).toBe(1);
    expect(await readMeta<Identity>(db, 'identity')).toEqual(real);
  });

  it('moves nothing, and keeps the old identity, when the transaction fails part-way', async () => {
    db = freshDb();
    await seedProvisional();
    db.events.hook('updating', () => {
      throw new Error('quota');
    });
    await expect(adoptProvisionalIdentity(db, provisional, real)).rejects.toThrow();

    expect(await createProgressRepository(db).loadCourse('provisional-1', 'course-a')).toHaveLength(
      2,
    );
    expect(await createProgressRepository(db).loadCourse('server-7', 'course-a')).toHaveLength(0);
    expect(await readMeta(db, 'identity')).toBeUndefined();
  });

  it('merges a lesson both participants have without losing either side', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    await repository.save(
      progressRecord({
        participantId: 'server-7',
        segments: [
          [0, 5],
          [20, 30],
        ],
        frontier: 5,
        position: 25,
      }),
    );
    await repository.save(
      progressRecord({
        participantId: 'provisional-1',
        segments: [[0, 12]],
        frontier: 12,
        position: 12,
        completedAt: null,
      }),
    );
    await moveParticipantRows(db, 'provisional-1', 'server-7');
    const [row] = await repository.loadCourse('server-7', 'course-a');
    expect(row?.segments).toEqual([
      [0, 12],
      [20, 30],
    ]);
    expect(row?.frontier).toBe(12);
  });

  it('can put delivered events back in the outbox for a participant the server never heard of', async () => {
    db = freshDb();
    await seedProvisional();
    const outbox = createEventOutbox(db);
    const sent = await outbox.oldestPending('provisional-1', 2);
    await outbox.markDelivered(sent.map((row) => row.localId ?? -1));
    await adoptProvisionalIdentity(db, provisional, real, { requeueDelivered: true });
    expect(await outbox.countPending('server-7')).toBe(3);
  });
});
