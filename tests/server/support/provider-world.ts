import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv, type ServerConfig } from '../../../src/server/config.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { addOrigin, insertProvider } from '../../../src/server/providers/provider-store.ts';
import {
  setUpProviders,
  type ProviderSetup,
} from '../../../src/server/providers/provider-setup.ts';
import { createReportKey } from '../../../src/server/providers/report-key-store.ts';
import { issueSecret } from '../../../src/server/providers/secret-store.ts';
import { signLaunchToken } from '../../../src/server/providers/sign-launch-token.ts';
import { createTestServer, REPORT_KEY, type TestServer } from './test-server.ts';

/** A minimal valid manifest; lessons of the given durations (s), optionally naming its provider. */
export function manifest(
  id: string,
  options: { providerId?: string; title?: string; durations?: number[] } = {},
) {
  const { providerId, title = `Kursus ${id}`, durations = [20, 20] } = options;
  return {
    schemaVersion: 1,
    id,
    title,
    ...(providerId ? { providerId } : {}),
    lessons: durations.map((durationSeconds, index) => ({
      id: `l${index + 1}`,
      title: `Pelajaran ${index + 1}`,
      durationSeconds,
      sources: [{ src: `media/l${index + 1}.mp4`, type: 'video/mp4' }],
    })),
  };
}

/** A throwaway COURSES_DIR. Writes go through a rename, as a careful publisher would. */
export class CoursesDir {
  private constructor(readonly path: string) {}
  static async create(): Promise<CoursesDir> {
    return new CoursesDir(await mkdtemp(join(tmpdir(), 'runtut-courses-')));
  }
  async write(id: string, body: unknown | string, file = 'course.json'): Promise<void> {
    const dir = join(this.path, id);
    await mkdir(join(dir, 'media'), { recursive: true });
    const target = join(dir, file);
    await writeFile(`${target}.tmp`, typeof body === 'string' ? body : JSON.stringify(body));
    await rename(`${target}.tmp`, target);
  }
  remove(id: string, file?: string): Promise<void> {
    return rm(file ? join(this.path, id, file) : join(this.path, id), {
      recursive: true,
      force: true,
    });
  }
  dispose(): Promise<void> {
    return rm(this.path, { recursive: true, force: true });
  }
}

export interface StoredTestProvider {
  id: string;
  kid: string;
  secret: string;
  reportKey: string;
  reportKeyId: string;
  origin: string;
}

/** A provider as `runtut provider add` and `add-key` make it, with one origin. */
export async function addTestProvider(
  db: Database,
  id: string,
  nowMs: number,
): Promise<StoredTestProvider> {
  const origin = `https://${id}.example`;
  await insertProvider(db, id, `Provider ${id}`, nowMs);
  await addOrigin(db, id, origin);
  const { kid, secret } = await issueSecret(db, id, nowMs, 0);
  const { keyId, key } = await createReportKey(db, id, 'test', nowMs);
  return { id, kid, secret, reportKey: key, reportKeyId: keyId, origin };
}

/** The server as resolveServerConfig wires it (demo mode), over a given COURSES_DIR. */
export async function providerServer(
  db: Database,
  coursesDir: string,
  options: { pollMs?: number; log?: (line: string) => void; change?: Partial<ServerConfig> } = {},
): Promise<{ server: TestServer; setup: ProviderSetup }> {
  const settings = readEnv({
    COURSES_DIR: coursesDir,
    COURSES_POLL_MS: String(options.pollMs ?? 0),
    ...(options.change?.providerSecret
      ? { RUNTUT_PROVIDER_SECRET: options.change.providerSecret }
      : {}),
  });
  const setup = await setUpProviders(
    settings,
    db,
    { origins: ['https://demo-site.example'], reportKey: REPORT_KEY },
    Date.now,
    options.log ?? (() => undefined),
  );
  const server = await createTestServer(db, {
    courses: setup.courses,
    providers: setup.providers,
    keyring: setup.keyring,
    defaultProviderId: setup.defaultProviderId,
    coursesDir,
    ...options.change,
  });
  return { server, setup };
}

/** A launch token of a stored provider, signed with `secret`/`kid` (default: its current ones). */
export function providerToken(
  server: TestServer,
  provider: Pick<StoredTestProvider, 'kid' | 'secret'>,
  claims: { sub: string; course?: string; iat?: number; exp?: number; iss?: string },
): Promise<string> {
  const iat = claims.iat ?? Math.floor(server.clock.ms / 1000);
  return signLaunchToken({ exp: iat + 3600, ...claims, iat }, provider.secret, provider.kid);
}
