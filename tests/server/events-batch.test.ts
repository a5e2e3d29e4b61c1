import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestDevice } from './support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  createTestServer,
  newSession,
  postEvents,
  postRaw,
  storedEventCount,
  type Session,
  type TestServer,
} from './support/test-server.ts';

interface Reply {
  results: { id: string | null; status: string; reason?: string; field?: string }[];
  lessons: { lessonId: string; completedAt: string | null; coverage: number }[];
}

describe.each(databaseKinds)('POST /api/v1/events (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let me: Session;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await createTestServer(database.db);
  });
  afterAll(() => database.dispose());

  const fresh = async () => {
    me = await newSession(server);
    return me;
  };
  const reply = async (response: Response) => {
    expect(response.status).toBe(200);
    return (await response.json()) as Reply;
  };

  describe('whole-request errors store nothing', () => {
    it.each<[string, string, number, string]>([
      ['malformed JSON', '{"events": [', 400, 'malformed-json'],
      ['a JSON array instead of an object', '[]', 400, 'invalid-batch'],
      ['an object without events', '{"evnts": []}', 400, 'invalid-batch'],
      ['events that are not a list', '{"events": {"id": 1}}', 400, 'invalid-batch'],
    ])('answers %s with %s %s', async (_name, body, status, code) => {
      const { token, participantId } = await fresh();
      const response = await postRaw(server, token, body);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
      expect(await storedEventCount(database.db, participantId)).toBe(0);
    });

    it('refuses more than 500 events with 400 and stores none of them', async () => {
      const { token, participantId } = await fresh();
      const device = new TestDevice();
      const events = Array.from({ length: 501 }, () =>
        device.event({ lessonId: 'one', type: 'started' }),
      );
      const response = await postEvents(server, token, events);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'batch-too-large' } });
      expect(await storedEventCount(database.db, participantId)).toBe(0);
    });

    it('accepts exactly 500 events', async () => {
      const { token, participantId } = await fresh();
      const device = new TestDevice();
      const events = Array.from({ length: 500 }, () =>
        device.event({ lessonId: 'one', type: 'started' }),
      );
      const body = await reply(await postEvents(server, token, events));
      expect(body.results.filter((result) => result.status === 'accepted')).toHaveLength(500);
      expect(await storedEventCount(database.db, participantId)).toBe(500);
    });

    it('refuses a body over 256 KB with 413 and stores nothing', async () => {
      const { token, participantId } = await fresh();
      const event = {
        ...new TestDevice().event({ lessonId: 'one' }),
        padding: 'x'.repeat(257 * 1024),
      };
      const response = await postEvents(server, token, [event]);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
      expect(await storedEventCount(database.db, participantId)).toBe(0);
    });
  });

  describe('per-event validation', () => {
    it('answers each bad event with its own reason and field while storing the good ones', async () => {
      const { token, participantId } = await fresh();
      const device = new TestDevice();
      const good = device.event({ lessonId: 'one', type: 'started' });
      const inputs: unknown[] = [
        good,
        { ...device.event({ lessonId: 'one' }), position: 'twelve' },
        { ...device.event({ lessonId: 'one' }), segments: [[5, 2]] },
        { ...device.event({ lessonId: 'one' }), deviceTime: 'yesterday' },
        { ...device.event({ lessonId: 'one' }), id: 'not-a-uuid' },
        { ...device.event({ lessonId: 'one' }), type: 'skipped' },
        { lessonId: 'one' },
        'just a string',
        { ...device.event({ lessonId: 'one' }), courseId: 'no-such-course' },
        { ...device.event({ lessonId: 'no-such-lesson' }) },
      ];
      const body = await reply(await postEvents(server, token, inputs));
      expect(body.results.map(({ status, field }) => [status, field])).toEqual([
        ['accepted', undefined],
        ['invalid', 'position'],
        ['invalid', 'segments[0]'],
        ['invalid', 'deviceTime'],
        ['invalid', 'id'],
        ['invalid', 'type'],
        ['invalid', 'id'],
        ['invalid', '(root)'],
        ['rejected', 'courseId'],
        ['rejected', 'lessonId'],
      ]);
      expect(body.results[0]?.id).toBe(good.id);
      expect(body.results[4]?.id).toBe('not-a-uuid');
      expect(body.results[6]?.id).toBeNull();
      expect(body.results[7]?.id).toBeNull();
      expect(body.results[2]?.reason).toMatch(/end must be after its start/);
      // Said in words, not zod mini's bare "Invalid input".
      expect(body.results[1]?.reason).toMatch(/^Invalid input: expected number, received string/);
      expect(body.results[4]?.reason).toMatch(/^Invalid UUID/);
      expect(await storedEventCount(database.db, participantId)).toBe(1);
    });
  });

  describe('idempotency', () => {
    it('treats the same id with the same payload as a duplicate that changes nothing', async () => {
      const { token, participantId } = await fresh();
      const device = new TestDevice();
      server.clock.advance(30);
      const events = device.play('one', 10);
      const first = await reply(await postEvents(server, token, events));
      const second = await reply(await postEvents(server, token, events));
      expect(first.results.every((result) => result.status === 'accepted')).toBe(true);
      expect(second.results.every((result) => result.status === 'duplicate')).toBe(true);
      expect(second.lessons).toEqual([]);
      expect(await storedEventCount(database.db, participantId)).toBe(events.length);
    });

    it('reports the same id with a different payload as a conflict and keeps the first', async () => {
      const { token, participantId } = await fresh();
      const event = new TestDevice().event({ lessonId: 'one', type: 'started' });
      await postEvents(server, token, [event]);
      const body = await reply(await postEvents(server, token, [{ ...event, position: 3 }]));
      expect(body.results[0]).toMatchObject({ id: event.id, status: 'conflict' });
      const { rows } = await database.db.query<{ position: number }>(
        'SELECT position FROM events WHERE id = $1',
        [event.id],
      );
      expect(rows).toEqual([{ position: 0 }]);
      expect(await storedEventCount(database.db, participantId)).toBe(1);
    });

    it('sorts repeats inside one batch: a copy is a duplicate, a changed copy a conflict', async () => {
      const { token, participantId } = await fresh();
      const event = new TestDevice().event({ lessonId: 'one', type: 'started' });
      const body = await reply(
        await postEvents(server, token, [event, event, { ...event, position: 1 }]),
      );
      expect(body.results.map((result) => result.status)).toEqual([
        'accepted',
        'duplicate',
        'conflict',
      ]);
      expect(await storedEventCount(database.db, participantId)).toBe(1);
    });

    it('stores each event once when the same batch arrives several times at once', async () => {
      const { token, participantId } = await fresh();
      server.clock.advance(30);
      const events = new TestDevice().play('one', 20);
      const replies = await Promise.all(
        Array.from({ length: 4 }, async () => reply(await postEvents(server, token, events))),
      );
      for (let i = 0; i < events.length; i += 1) {
        const statuses = replies.map((body) => body.results[i]?.status).sort();
        expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate']);
      }
      expect(await storedEventCount(database.db, participantId)).toBe(events.length);
      const { rows } = await database.db.query<{ credited_seconds: number }>(
        'SELECT credited_seconds FROM participants WHERE id = $1',
        [participantId],
      );
      expect(rows[0]?.credited_seconds).toBeCloseTo(20, 6);
    });

    it('rejects a different event reusing a device sequence number', async () => {
      const { token, participantId } = await fresh();
      const device = new TestDevice();
      const first = device.event({ lessonId: 'one', type: 'started' });
      device.seq = first.seq;
      const reused = device.event({ lessonId: 'one', type: 'started' });
      await postEvents(server, token, [first]);
      const body = await reply(await postEvents(server, token, [reused]));
      expect(body.results[0]).toMatchObject({ status: 'rejected', field: 'seq' });
      expect(await storedEventCount(database.db, participantId)).toBe(1);
    });

    it('treats an id in capitals as the same event', async () => {
      const { token, participantId } = await fresh();
      const event = new TestDevice().event({ lessonId: 'one', type: 'started' });
      await postEvents(server, token, [event]);
      const body = await reply(
        await postEvents(server, token, [{ ...event, id: event.id.toUpperCase() }]),
      );
      expect(body.results[0]).toMatchObject({ id: event.id.toUpperCase(), status: 'duplicate' });
      expect(await storedEventCount(database.db, participantId)).toBe(1);
    });
  });

  it('stamps the server receive time and keeps the device time only as sent', async () => {
    const { token } = await fresh();
    const wrongClock = new TestDevice(undefined, Date.parse('2019-01-01T00:00:00Z'));
    const event = wrongClock.event({ lessonId: 'one', type: 'started' });
    await postEvents(server, token, [event]);
    const { rows } = await database.db.query<{ received_at: Date; device_time: string }>(
      'SELECT received_at, device_time FROM events WHERE id = $1',
      [event.id],
    );
    expect(new Date(rows[0]!.received_at).getTime()).toBe(server.clock.ms);
    expect(rows[0]?.device_time).toBe('2019-01-01T00:00:00.000Z');
  });
});
