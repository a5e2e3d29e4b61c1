import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderSetup } from '../../src/server/providers/provider-setup.ts';
import { issueSecret, retireSecret } from '../../src/server/providers/secret-store.ts';
import {
  addTestProvider,
  CoursesDir,
  manifest,
  providerServer,
  providerToken,
  type StoredTestProvider,
} from './support/provider-world.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import {
  getProgress,
  launchToken,
  PROVIDER_SECRET,
  type TestServer,
} from './support/test-server.ts';

const HOUR = 3600;

describe.each(databaseKinds)('launch-token secrets by key id (%s)', (kind) => {
  let database: TestDatabase;
  let courses: CoursesDir;
  let server: TestServer;
  let setup: ProviderSetup;
  let acme: StoredTestProvider;

  const status = async (token: string) => {
    const response = await getProgress(server, token, 'acme-course');
    if (response.status === 200) return 'ok';
    return ((await response.json()) as { error: { code: string } }).error.code;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    courses = await CoursesDir.create();
    acme = await addTestProvider(database.db, 'acme', Date.now());
    await addTestProvider(database.db, 'beta', Date.now());
    await courses.write('acme-course', manifest('acme-course', { providerId: 'acme' }));
    ({ server, setup } = await providerServer(database.db, courses.path));
  });
  afterAll(async () => {
    setup.courses.close();
    await database.dispose();
    await courses.dispose();
  });

  it('keeps tokens signed before a rotation valid until they expire, and only those', async () => {
    const before = await providerToken(server, acme, {
      sub: 'p-1',
      exp: server.clock.ms / 1000 + HOUR,
    });
    server.clock.advance(60);
    const rotated = await issueSecret(database.db, 'acme', server.clock.ms, 2 * HOUR);
    const fresh = { kid: rotated.kid, secret: rotated.secret };
    server.clock.advance(120);
    expect(await status(before)).toBe('ok');
    expect(await status(await providerToken(server, fresh, { sub: 'p-1' }))).toBe('ok');
    // The old secret no longer vouches for tokens issued after the rotation.
    expect(await status(await providerToken(server, acme, { sub: 'p-1' }))).toBe(
      'token-key-superseded',
    );
    server.clock.advance(HOUR);
    expect(await status(before)).toBe('token-expired');
    server.clock.advance(HOUR);
    const afterGrace = await providerToken(server, acme, {
      sub: 'p-1',
      iat: Math.floor(server.clock.ms / 1000) - 2 * HOUR,
      exp: Math.floor(server.clock.ms / 1000) + HOUR,
    });
    expect(await status(afterGrace)).toBe('token-key-retired');
    acme = { ...acme, ...fresh };
  });

  it('stops every token of a retired secret at once', async () => {
    const token = await providerToken(server, acme, { sub: 'p-2' });
    expect(await status(token)).toBe('ok');
    await retireSecret(database.db, 'acme', acme.kid, server.clock.ms);
    expect(await status(token)).toBe('token-key-retired');
    const replacement = await issueSecret(database.db, 'acme', server.clock.ms, 0);
    acme = { ...acme, ...replacement };
  });

  it.each<[string, () => Promise<string>, string]>([
    [
      'an unknown kid',
      () => providerToken(server, { kid: 'acme.nope', secret: acme.secret }, { sub: 'x' }),
      'token-key-unknown',
    ],
    [
      "acme's kid signed with another secret",
      () => providerToken(server, { kid: acme.kid, secret: 'guess' }, { sub: 'x' }),
      'token-signature-invalid',
    ],
    [
      "an iss that is not the key's provider",
      () => providerToken(server, acme, { sub: 'x', iss: 'beta' }),
      'token-issuer-invalid',
    ],
    [
      "an iss naming the key's provider",
      () => providerToken(server, acme, { sub: 'x', iss: 'acme' }),
      'ok',
    ],
  ])('answers %s with %s', async (_name, makeToken, expected) => {
    expect(await status(await makeToken())).toBe(expected);
  });
});

describe.each(databaseKinds)('the env-configured provider beside stored ones (%s)', (kind) => {
  let database: TestDatabase;
  let courses: CoursesDir;
  let server: TestServer;
  let setup: ProviderSetup;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    courses = await CoursesDir.create();
    await addTestProvider(database.db, 'acme', Date.now());
    await courses.write('own', manifest('own'));
    await courses.write('acme-course', manifest('acme-course', { providerId: 'acme' }));
    ({ server, setup } = await providerServer(database.db, courses.path, {
      change: { mode: 'provider', sessionSecret: undefined, providerSecret: PROVIDER_SECRET },
    }));
  });
  afterAll(async () => {
    setup.courses.close();
    await database.dispose();
    await courses.dispose();
  });

  it('owns the course folders that name no provider, with RUNTUT_PROVIDER_SECRET tokens', async () => {
    expect(setup.defaultProviderId).toBe('default');
    const token = await launchToken(server, { sub: 'p-1' });
    expect((await getProgress(server, token, 'own')).status).toBe(200);
    expect((await getProgress(server, token, 'acme-course')).status).toBe(403);
  });
});
