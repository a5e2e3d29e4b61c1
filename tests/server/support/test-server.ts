import { sign } from 'hono/jwt';
import { buildApp, type RuntutApp } from '../../../src/server/app.ts';
import type { ServerConfig } from '../../../src/server/config.ts';
import {
  loadCourseCatalog,
  type CourseCatalog,
} from '../../../src/server/courses/course-catalog.ts';
import { DatabaseUnavailableError, type Database } from '../../../src/server/db/database.ts';

export const FIXTURE_COURSES = new URL('../fixtures/courses/', import.meta.url).pathname;
export const T0 = Date.parse('2026-11-22T12:00:00Z');
export const REPORT_KEY = 'test-report-key';
export const PROVIDER_SECRET = 'provider-secret-for-tests-0123456789';

let catalog: Promise<CourseCatalog> | undefined;
export function fixtureCatalog(): Promise<CourseCatalog> {
  catalog ??= loadCourseCatalog(FIXTURE_COURSES, () => undefined);
  return catalog;
}

/** The server's clock, moved by the test. */
export class TestClock {
  constructor(public ms = T0) {}
  now = () => this.ms;
  advance(seconds: number) {
    this.ms += seconds * 1000;
  }
}

export interface TestServer {
  app: RuntutApp;
  db: Database;
  clock: TestClock;
  config: ServerConfig;
}

export async function createTestServer(
  db: Database,
  change: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const clock = new TestClock();
  const config: ServerConfig = {
    mode: 'demo',
    sessionSecret: 'session-secret-for-tests-0123456789',
    reportKey: REPORT_KEY,
    corsOrigins: ['https://provider.example'],
    courses: await fixtureCatalog(),
    now: clock.now,
    ...change,
  };
  return { app: buildApp({ db, config, log: () => undefined }), db, clock, config };
}

export interface Session {
  token: string;
  participantId: string;
}

export async function newSession(server: TestServer): Promise<Session> {
  const response = await server.app.request('/api/v1/session', { method: 'POST', body: '{}' });
  if (response.status !== 201) throw new Error(`session: HTTP ${response.status}`);
  return (await response.json()) as Session;
}

/** A provider's launch token (HS256), valid for an hour of the server's clock unless changed. */
export function launchToken(
  server: TestServer,
  claims: Record<string, unknown>,
  secret = PROVIDER_SECRET,
): Promise<string> {
  const iat = Math.floor(server.clock.ms / 1000);
  return sign({ iat, exp: iat + 3600, ...claims }, secret, 'HS256');
}

export function postEvents(
  server: TestServer,
  token: string,
  events: unknown[],
): Promise<Response> {
  return postRaw(server, token, JSON.stringify({ events }));
}

export async function postRaw(server: TestServer, token: string, body: string): Promise<Response> {
  return server.app.request('/api/v1/events', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
}

export async function getProgress(
  server: TestServer,
  token: string,
  course: string,
): Promise<Response> {
  return server.app.request(`/api/v1/progress?course=${course}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

export async function storedEventCount(db: Database, participantId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM events WHERE participant_id = $1',
    [participantId],
  );
  return rows[0]?.n ?? 0;
}

/** For routes that must never touch the database (static files, headers, the embed page). */
export const noDatabase: Database = {
  kind: 'pglite',
  query: () => Promise.reject(new DatabaseUnavailableError(new Error('not used'))),
  exec: () => Promise.reject(new DatabaseUnavailableError(new Error('not used'))),
  transaction: () => Promise.reject(new DatabaseUnavailableError(new Error('not used'))),
  close: async () => undefined,
};
