import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestDevice } from './support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  createTestServer,
  getProgress,
  postEvents,
  type TestServer,
} from './support/test-server.ts';

async function clockTicket(server: TestServer): Promise<string> {
  const response = await server.app.request('/api/v1/clock-ticket', { method: 'POST' });
  expect(response.status).toBe(200);
  return ((await response.json()) as { clockTicket: string }).clockTicket;
}

async function sessionWith(server: TestServer, body: unknown) {
  return server.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function watched(server: TestServer, token: string, lessonId: string) {
  const { lessons } = (await (await getProgress(server, token, 'basics')).json()) as {
    lessons: { lessonId: string; watchedSeconds: number; flags: string[] }[];
  };
  return lessons.find((lesson) => lesson.lessonId === lessonId);
}

/** A device that started a provisional participant offline, played, and came back online. */
async function playOfflineThenSync(server: TestServer, sessionBody: unknown, seconds: number) {
  const device = new TestDevice();
  const events = device.play('one', seconds, { claimEnd: false });
  server.clock.advance(seconds + 30); // played offline, then walked back into signal
  const response = await sessionWith(server, sessionBody);
  expect(response.status).toBe(201);
  const { token } = (await response.json()) as { token: string };
  expect((await postEvents(server, token, events)).status).toBe(200);
  return watched(server, token, 'one');
}

describe.each(databaseKinds)(
  'offline play before the participant reached the server (%s)',
  (kind) => {
    let database: TestDatabase;
    let server: TestServer;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
      server = await createTestServer(database.db);
    });
    afterAll(() => database.dispose());

    it('without evidence credits only the 2 s tolerance, flagged exceeds-wall-clock', async () => {
      const lesson = await playOfflineThenSync(server, {}, 20);
      expect(lesson?.watchedSeconds).toBeCloseTo(2, 3);
      expect(lesson?.flags).toContain('pace:exceeds-wall-clock');
    });

    it('with a clock ticket fetched before the play credits it exactly, with no flags', async () => {
      const ticket = await clockTicket(server);
      const lesson = await playOfflineThenSync(server, { clockTicket: ticket }, 20);
      expect(lesson?.watchedSeconds).toBeCloseTo(20, 3);
      expect(lesson?.flags).toEqual([]);
    });

    it('never credits more than the real time since the ticket', async () => {
      const ticket = await clockTicket(server);
      server.clock.advance(5);
      const device = new TestDevice();
      // 20 s of play claimed within the 5 s since the ticket (plus the time the session takes).
      const response = await sessionWith(server, { clockTicket: ticket });
      const { token } = (await response.json()) as { token: string };
      expect(
        (await postEvents(server, token, device.play('one', 20, { claimEnd: false }))).status,
      ).toBe(200);
      const lesson = await watched(server, token, 'one');
      expect(lesson?.watchedSeconds).toBeCloseTo(5 * 1.05 + 2, 3);
      expect(lesson?.flags).toContain('pace:exceeds-wall-clock');
    });

    const forged: [string, unknown][] = [
      ['a ticket with another signature', 'rtc1.1.abc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
      ['a ticket whose time was moved back', 'moved'],
      ['a number instead of a ticket', 42],
      ['a session token instead of a ticket', 'session'],
    ];
    it.each(forged)('refuses %s with clock-ticket-invalid', async (_name, value) => {
      let ticket = value;
      if (value === 'moved') {
        const real = (await clockTicket(server)).split('.');
        real[1] = String(Number(real[1]) - 3_600_000);
        ticket = real.join('.');
      }
      if (value === 'session') {
        ticket = ((await (await sessionWith(server, {})).json()) as { token: string }).token;
      }
      const response = await sessionWith(server, { clockTicket: ticket });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'clock-ticket-invalid',
      );
    });

    it('does not accept a clock ticket as a bearer token', async () => {
      const ticket = await clockTicket(server);
      expect((await postEvents(server, ticket, [])).status).toBe(401);
    });

    it('does not issue tickets in provider mode', async () => {
      const provider = await createTestServer(database.db, {
        mode: 'provider',
        sessionSecret: undefined,
        providerSecret: 'provider-secret-for-tests-0123456789',
      });
      const response = await provider.app.request('/api/v1/clock-ticket', { method: 'POST' });
      expect(response.status).toBe(404);
    });
  },
);
