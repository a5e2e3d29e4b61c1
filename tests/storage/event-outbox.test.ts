import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyDeliveryOutcome,
  createEventOutbox,
  summarizeSetAside,
} from '../../src/storage/event-outbox.ts';
import { createProgressRepository } from '../../src/storage/progress-repository.ts';
import type { RuntutDb } from '../../src/storage/runtut-db.ts';
import { facts, freshDb, progressRecord } from './test-db.ts';

let db: RuntutDb;
afterEach(async () => {
  await db.delete();
});

async function seed(count: number, participantId = 'p-1'): Promise<void> {
  const repository = createProgressRepository(db);
  for (let index = 0; index < count; index += 1) {
    await repository.save(progressRecord({ participantId, position: index }), facts());
  }
}

describe('createEventOutbox', () => {
  it('reads pending events oldest first, in the order they were written, up to the limit', async () => {
    db = freshDb();
    await seed(5);
    const outbox = createEventOutbox(db);
    const first = await outbox.oldestPending('p-1', 3);
    expect(first.map((row) => row.event.position)).toEqual([0, 1, 2]);
    expect(first.map((row) => row.localId)).toEqual([...first.map((row) => row.localId)].sort());
  });

  it('reads only the participant asked for', async () => {
    db = freshDb();
    await seed(2, 'p-1');
    await seed(3, 'p-2');
    const outbox = createEventOutbox(db);
    expect(await outbox.countPending('p-1')).toBe(2);
    expect(
      (await outbox.oldestPending('p-2', 10)).every((row) => row.participantId === 'p-2'),
    ).toBe(true);
  });

  it('no longer returns delivered events, and moves on to the next oldest', async () => {
    db = freshDb();
    await seed(4);
    const outbox = createEventOutbox(db);
    const [a, b] = await outbox.oldestPending('p-1', 2);
    await outbox.markDelivered([a?.localId ?? -1, b?.localId ?? -1]);
    const rest = await outbox.oldestPending('p-1', 10);
    expect(rest.map((row) => row.event.position)).toEqual([2, 3]);
    expect(await outbox.countPending('p-1')).toBe(2);
    expect(await db.events.count()).toBe(4); // delivered events stay in the log
  });

  it('sets an invalid event aside with its reason and never returns it as pending', async () => {
    db = freshDb();
    await seed(2);
    const outbox = createEventOutbox(db);
    const [bad] = await outbox.oldestPending('p-1', 1);
    await outbox.markInvalid(bad?.localId ?? -1, 'segment end must be after its start');
    expect((await outbox.oldestPending('p-1', 10)).map((row) => row.event.position)).toEqual([1]);
    const invalid = await outbox.invalidEvents('p-1');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.reason).toBe('segment end must be after its start');
  });
});

describe('applyDeliveryOutcome', () => {
  it('marks delivered and set-aside rows of one batch in one go', async () => {
    db = freshDb();
    await seed(3);
    const [a, b, c] = await createEventOutbox(db).oldestPending('p-1', 3);
    await applyDeliveryOutcome(db, {
      delivered: [a?.localId ?? -1, c?.localId ?? -1],
      setAside: [{ localId: b?.localId ?? -1, reason: 'invalid (segments)' }],
    });
    const rows = await db.events.orderBy('localId').toArray();
    expect(rows.map((row) => row.delivery)).toEqual(['delivered', 'invalid', 'delivered']);
    expect(rows[1]?.reason).toBe('invalid (segments)');
  });

  it('changes nothing when any part of the batch fails to apply', async () => {
    db = freshDb();
    await seed(2);
    const [a, b] = await createEventOutbox(db).oldestPending('p-1', 2);
    db.events.hook('updating', (changes) => {
      if ((changes as { delivery?: string }).delivery === 'invalid') throw new Error('boom');
      return undefined;
    });
    await expect(
      applyDeliveryOutcome(db, {
        delivered: [a?.localId ?? -1],
        setAside: [{ localId: b?.localId ?? -1, reason: 'x' }],
      }),
    ).rejects.toThrow('boom');
    expect((await db.events.toArray()).map((row) => row.delivery)).toEqual(['pending', 'pending']);
  });
});

describe('summarizeSetAside', () => {
  it('counts set-aside events per reason, most frequent first', async () => {
    db = freshDb();
    await seed(4);
    const rows = await createEventOutbox(db).oldestPending('p-1', 4);
    await applyDeliveryOutcome(db, {
      delivered: [],
      setAside: rows.slice(0, 3).map((row, index) => ({
        localId: row.localId ?? -1,
        reason: index === 0 ? 'unknown lesson' : 'invalid segment',
      })),
    });
    expect(await summarizeSetAside(db, 'p-1')).toEqual({
      count: 3,
      reasons: [
        { reason: 'invalid segment', count: 2 },
        { reason: 'unknown lesson', count: 1 },
      ],
    });
    expect((await summarizeSetAside(db, 'p-2')).count).toBe(0);
  });
});
