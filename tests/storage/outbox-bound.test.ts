import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LessonEventType } from '../../src/domain/lesson-events.ts';
import { KEEP_DELIVERED } from '../../src/domain/outbox-bound.ts';
import { applyDeliveryOutcome, createEventOutbox } from '../../src/storage/event-outbox.ts';
import { createProgressRepository } from '../../src/storage/progress-repository.ts';
import type { RuntutDb, StoredLessonEvent } from '../../src/storage/runtut-db.ts';
import { facts, freshDb, progressRecord } from './test-db.ts';

/** The real bound is 12,000 rows; the rules are the same at 30, and the test is quick. */
const OUTBOX_BOUND = 30;
let db: RuntutDb;
afterEach(async () => {
  await db.delete();
});

async function save(
  count: number,
  lessonId = 'lesson-1',
  type: LessonEventType = 'progress',
  outboxBound = OUTBOX_BOUND,
) {
  const repository = createProgressRepository(db, { outboxBound });
  for (let index = 0; index < count; index += 1)
    await repository.save(progressRecord({ lessonId, position: index }), facts({ type }));
}

/** Fills the outbox to the bound in one go. */
async function fillTo(pending: number, lessonId = 'lesson-1') {
  await save(1, lessonId);
  const [template] = await db.events.toArray();
  if (!template) throw new Error('no template row');
  const rows: StoredLessonEvent[] = Array.from({ length: pending - 1 }, (_, index) => ({
    participantId: 'p-1',
    delivery: 'pending',
    event: { ...template.event, id: crypto.randomUUID(), seq: 1000 + index },
  }));
  await db.events.bulkAdd(rows);
}

describe('delivered events are pruned', () => {
  it(`keeps only the newest ${KEEP_DELIVERED} acknowledged rows, every pending row and all progress`, async () => {
    db = freshDb();
    await save(KEEP_DELIVERED + 30, 'lesson-1', 'progress', Infinity);
    const outbox = createEventOutbox(db);
    const sent = await outbox.oldestPending('p-1', KEEP_DELIVERED + 10);
    await applyDeliveryOutcome(db, {
      delivered: sent.map((row) => row.localId ?? -1),
      setAside: [],
    });
    const left = await db.events.toArray();
    const delivered = left.filter((row) => row.delivery === 'delivered');
    expect(delivered).toHaveLength(KEEP_DELIVERED);
    expect(delivered.map((row) => row.localId)).toEqual(
      sent.slice(-KEEP_DELIVERED).map((row) => row.localId),
    );
    expect(await outbox.countPending('p-1')).toBe(20);
    expect(await db.progress.count()).toBe(1);
  });

  it('never prunes set-aside rows: the participant is shown them', async () => {
    db = freshDb();
    await save(KEEP_DELIVERED + 10, 'lesson-1', 'progress', Infinity);
    const rows = await createEventOutbox(db).oldestPending('p-1', 1000);
    const [first, ...rest] = rows;
    await applyDeliveryOutcome(db, {
      delivered: rest.map((row) => row.localId ?? -1),
      setAside: [{ localId: first?.localId ?? -1, reason: 'pace' }],
    });
    expect(await db.events.where('delivery').equals('invalid').count()).toBe(1);
  });
});

describe('the outbox bound', () => {
  it('merges a progress event into the one before it once the bound is reached, losing no play', async () => {
    db = freshDb();
    await fillTo(OUTBOX_BOUND);
    const outbox = createEventOutbox(db);
    const before = (await outbox.oldestPending('p-1', OUTBOX_BOUND)).at(-1);
    await save(3);
    expect(await outbox.countPending('p-1')).toBe(OUTBOX_BOUND);
    const newest = (await outbox.oldestPending('p-1', OUTBOX_BOUND + 5)).at(-1);
    expect(newest?.event.id).not.toBe(before?.event.id);
    expect(newest?.localId).toBeGreaterThan(before?.localId ?? Infinity);
    expect(newest?.event.position).toBe(2);
    // Four events of 10 s each, now one: the server sees 40 s played in 40 s.
    expect(newest?.event.playedSinceLast).toBe(40);
    expect(newest?.event.elapsedMsSinceLast).toBe(40_000);
  });

  it('still adds a started event, and progress of another lesson, at the bound: nothing is dropped', async () => {
    db = freshDb();
    await fillTo(OUTBOX_BOUND);
    await save(1, 'lesson-1', 'started');
    await save(1, 'lesson-2');
    await save(1, 'lesson-2');
    const outbox = createEventOutbox(db);
    expect(await outbox.countPending('p-1')).toBe(OUTBOX_BOUND + 2);
    const types = (await outbox.oldestPending('p-1', OUTBOX_BOUND + 5))
      .slice(-2)
      .map((row) => `${row.event.type}:${row.event.lessonId}`);
    expect(types).toEqual(['started:lesson-1', 'progress:lesson-2']);
  });

  it('does not let an acknowledgement of a merged-away row mark the merged one delivered', async () => {
    db = freshDb();
    await fillTo(OUTBOX_BOUND);
    const outbox = createEventOutbox(db);
    const inFlight = (await outbox.oldestPending('p-1', OUTBOX_BOUND)).at(-1);
    await save(1);
    await applyDeliveryOutcome(db, { delivered: [inFlight?.localId ?? -1], setAside: [] });
    const newest = (await outbox.oldestPending('p-1', OUTBOX_BOUND)).at(-1);
    expect(newest?.delivery).toBe('pending');
    expect(newest?.event.playedSinceLast).toBe(20);
  });
});
