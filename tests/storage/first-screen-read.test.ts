import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { writeMeta } from '../../src/storage/device-meta.ts';
import { readFirstScreenFacts } from '../../src/storage/first-screen-read.ts';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import { progressRecord } from './test-db.ts';

describe('readFirstScreenFacts', () => {
  it("reads Dexie's own rows for the stored participant and course, without Dexie", async () => {
    const name = `runtut-first-${crypto.randomUUID()}`;
    const db = new RuntutDb(name);
    await writeMeta(db, 'identity', { participantId: 'p-1', token: 't', mode: 'demo' });
    await writeMeta(db, 'language', 'en');
    await writeMeta(db, 'lastLesson:course-a', { courseId: 'course-a', lessonId: 'lesson-2' });
    await db.progress.bulkPut([
      progressRecord({ lessonId: 'lesson-1', completedAt: '2024-01-01T00:00:00.000Z' }),
      progressRecord({ lessonId: 'lesson-2' }),
      progressRecord({ courseId: 'course-b' }),
      progressRecord({ participantId: 'p-2' }),
    ]);
    db.close();

    const facts = await readFirstScreenFacts('course-a', { name });
    expect(facts.participantId).toBe('p-1');
    expect(facts.language).toBe('en');
    expect(facts.lastLessonId).toBe('lesson-2');
    expect(facts.rows.map((row) => row.lessonId).sort()).toEqual(['lesson-1', 'lesson-2']);
    expect(facts.rows[0]?.segments).toEqual([[0, 10]]);

    const other = await readFirstScreenFacts('course-a', { name, participantId: 'p-2' });
    expect(other.rows.map((row) => row.participantId)).toEqual(['p-2']);
    await new RuntutDb(name).delete();
  });

  it('reads nothing from a database that does not exist, and does not create it', async () => {
    const name = `runtut-none-${crypto.randomUUID()}`;
    expect(await readFirstScreenFacts('course-a', { name })).toEqual({ rows: [] });
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);
    // Dexie then creates it at its real version, as on any first visit.
    const db = new RuntutDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    await db.delete();
  });
});
