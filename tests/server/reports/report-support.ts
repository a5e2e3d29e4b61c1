import type {
  ProviderDirectory,
  ProviderRecord,
} from '../../../src/server/providers/provider-directory.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { createTestServer, type TestServer } from '../support/test-server.ts';

/** Two providers on one server: A publishes "basics", B publishes "other". */
export const PROVIDER_A: ProviderRecord = {
  id: 'prov-a',
  name: 'Penyedia A',
  origins: [],
  courseIds: ['basics'],
};
export const PROVIDER_B: ProviderRecord = {
  id: 'prov-b',
  name: 'Penyedia B',
  origins: [],
  courseIds: ['other'],
};
export const KEY_A = 'key-of-provider-a';
export const KEY_B = 'key-of-provider-b';

/** A ProviderDirectory as the providers feature offers it, backed by a table in memory. */
export function twoProviders(): ProviderDirectory {
  const records = [PROVIDER_A, PROVIDER_B];
  const keys = new Map([
    [KEY_A, PROVIDER_A],
    [KEY_B, PROVIDER_B],
  ]);
  return {
    byId: async (id) => records.find((record) => record.id === id),
    byCourse: async (courseId) => records.find((record) => record.courseIds.includes(courseId)),
    byReportKey: async (key) => keys.get(key),
  };
}

export function twoProviderServer(db: Database): Promise<TestServer> {
  return createTestServer(db, { providers: twoProviders() });
}

/** GET a report path as a provider (by key or by console cookie); JSON or text body. */
export async function report(
  server: TestServer,
  path: string,
  auth: { key?: string; cookie?: string; address?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (auth.key) headers['x-api-key'] = auth.key;
  if (auth.cookie) headers.cookie = auth.cookie;
  return server.app.request(path, { headers }, addressEnv(auth.address));
}

/** What @hono/node-server gives the app: the socket the request came from. */
export const addressEnv = (address = '203.0.113.7') => ({
  incoming: { socket: { remoteAddress: address } },
});

export async function signIn(server: TestServer, key: string, address?: string) {
  return server.app.request(
    '/api/v1/console/session',
    {
      method: 'POST',
      body: JSON.stringify({ key }),
      headers: { 'content-type': 'application/json' },
    },
    addressEnv(address),
  );
}

/** The name=value part of a Set-Cookie header, to send back. */
export const cookieOf = (response: Response) =>
  (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
