import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createProgressRepository } from '../../src/storage/progress-repository.ts';
import type { RuntutDb } from '../../src/storage/runtut-db.ts';
import { facts, freshDb, progressRecord } from './test-db.ts';

let db: RuntutDb;
afterEach(async () => {
  await db.delete();
});

describe('createProgressRepository.save', () => {
  it('writes the progress row and its pending event together', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    await repository.save(progressRecord({ segments: [[0, 12.5]], position: 12.5 }), facts());

    const rows = await db.progress.toArray();
    const events = await db.events.toArray();
    expect(rows).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      participantId: 'p-1',
      delivery: 'pending',
      event: {
        courseId: 'course-a',
        lessonId: 'lesson-1',
        type: 'progress',
        position: 12.5,
        segments: [[0, 12.5]],
      },
    });
  });

  it('leaves neither progress nor event when writing the event fails', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    db.events.hook('creating', () => {
      throw new Error('disk full');
    });

    await expect(repository.save(progressRecord(), facts())).rejects.toThrow('disk full');
    expect(await db.progress.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it('leaves neither when the surrounding transaction aborts after the save', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    await createProgressRepository(db).save(progressRecord({ lessonId: 'warm-up' })); // creates the device id
    const outer = db.transaction('rw', db.progress, db.events, db.meta, async () => {
      await repository.save(progressRecord(), facts());
      throw new Error('abort');
    });

    await expect(outer).rejects.toThrow('abort');
    expect(await db.progress.get(['p-1', 'course-a', 'lesson-1'])).toBeUndefined();
    expect(await db.events.count()).toBe(0);
  });

  it('writes only progress when no event facts are given', async () => {
    db = freshDb();
    await createProgressRepository(db).save(progressRecord());
    expect(await db.progress.count()).toBe(1);
    expect(await db.events.count()).toBe(0);
  });

  it('gives each event of this device a unique, increasing seq even under concurrent saves', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    const saves = Array.from({ length: 50 }, (_, index) =>
      repository.save(
        progressRecord({ lessonId: `lesson-${index % 5}`, position: index }),
        facts(),
      ),
    );
    await Promise.all(saves);

    const events = await db.events.orderBy('localId').toArray();
    const seqs = events.map((row) => row.event.seq);
    expect(new Set(seqs).size).toBe(50);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(events.map((row) => row.event.deviceId)).size).toBe(1);
    expect(new Set(events.map((row) => row.event.id)).size).toBe(50);
  });

  it('keeps seq increasing across two repository instances on the same database (two tabs)', async () => {
    db = freshDb();
    const tabA = createProgressRepository(db);
    const tabB = createProgressRepository(db);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? tabA : tabB).save(progressRecord({ position: index }), facts()),
      ),
    );
    const seqs = (await db.events.toArray()).map((row) => row.event.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });
});

describe('createProgressRepository.loadCourse', () => {
  it('returns only the participant and course asked for', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    await repository.save(progressRecord({ lessonId: 'lesson-1' }));
    await repository.save(progressRecord({ lessonId: 'lesson-2' }));
    await repository.save(progressRecord({ courseId: 'course-b' }));
    await repository.save(progressRecord({ participantId: 'p-2' }));

    const rows = await repository.loadCourse('p-1', 'course-a');
    expect(rows.map((row) => row.lessonId).sort()).toEqual(['lesson-1', 'lesson-2']);
  });

  it('replaces a lesson row on a later save rather than adding one', async () => {
    db = freshDb();
    const repository = createProgressRepository(db);
    await repository.save(progressRecord({ position: 5 }));
    await repository.save(progressRecord({ position: 9, completedAt: '2024-01-02T00:00:00.000Z' }));
    const rows = await repository.loadCourse('p-1', 'course-a');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ position: 9, completedAt: '2024-01-02T00:00:00.000Z' });
  });
});
