import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ProviderDirectory,
  ProviderRecord,
} from '../../src/server/providers/provider-directory.ts';
import {
  createTestServer,
  launchToken,
  noDatabase,
  PROVIDER_SECRET,
  type TestServer,
} from './support/test-server.ts';

/** Two providers: `demo` publishes basics, `kursus` publishes other, each with its own sites. */
const records: ProviderRecord[] = [
  { id: 'demo', name: 'Demo', origins: ['https://provider.example'], courseIds: ['basics'] },
  {
    id: 'kursus',
    name: 'Kursus',
    origins: ['https://kursus.example', 'http://localhost:9001'],
    courseIds: ['other'],
  },
];
const directory: ProviderDirectory = {
  byId: async (id) => records.find((r) => r.id === id),
  byCourse: async (course) => records.find((r) => r.courseIds.includes(course)),
  byReportKey: async () => undefined,
};

const csp = (response: Response) => response.headers.get('content-security-policy') ?? '';

describe('the embed routes', () => {
  const root = mkdtempSync(join(tmpdir(), 'runtut-embed-dist-'));
  let demo: TestServer;
  let provider: TestServer;

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Runtut</title>');
    writeFileSync(join(root, 'embed.js'), 'window.Runtut = {}');
    demo = await createTestServer(noDatabase, { staticDir: root, providers: directory });
    provider = await createTestServer(noDatabase, {
      staticDir: root,
      providers: directory,
      mode: 'provider',
      sessionSecret: undefined,
      providerSecret: PROVIDER_SECRET,
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = (server: TestServer, body: unknown, token?: string) =>
    server.app.request('/api/v1/embed/check', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });

  it.each([
    ['/embed/basics', 'frame-ancestors https://provider.example;'],
    ['/embed/basics/one', 'frame-ancestors https://provider.example;'],
    ['/embed/other', 'frame-ancestors https://kursus.example http://localhost:9001;'],
  ])("serves %s in an HTTP header policy naming only its provider's sites", async (path, rule) => {
    const response = await demo.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(csp(response)).toContain(rule);
    expect(/frame-ancestors [^;]*/.exec(csp(response))?.[0]).not.toContain("'self'");
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('refuses to be framed anywhere for an unknown course', async () => {
    const response = await demo.app.request('/embed/nope');
    expect(response.status).toBe(404);
    expect(csp(response)).toContain("frame-ancestors 'none'");
  });

  it('keeps the global policy on the ordinary page', async () => {
    expect(csp(await demo.app.request('/c/basics'))).toContain("frame-ancestors 'self'");
  });

  it('serves the host script so other origins may load it', async () => {
    const response = await demo.app.request('/embed.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it.each<[string, unknown, number, string | undefined]>([
    ['an allowed origin', { course: 'basics', origin: 'https://provider.example' }, 200, undefined],
    [
      'the same origin spelled differently',
      { course: 'other', origin: 'https://KURSUS.example/' },
      200,
      undefined,
    ],
    [
      "another provider's site",
      { course: 'basics', origin: 'https://kursus.example' },
      403,
      'embed-origin-not-allowed',
    ],
    [
      'a look-alike host',
      { course: 'basics', origin: 'https://provider.example.evil.test' },
      403,
      'embed-origin-not-allowed',
    ],
    ['no origin', { course: 'basics' }, 400, 'embed-origin-required'],
    [
      'an unknown course',
      { course: 'nope', origin: 'https://provider.example' },
      404,
      'course-unknown',
    ],
  ])('demo mode: the check answers %s with %s', async (_name, body, status, code) => {
    const response = await check(demo, body);
    expect(response.status).toBe(status);
    if (code)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it("provider mode: needs the token, and the token's provider must publish the course", async () => {
    const body = { course: 'basics', origin: 'https://provider.example' };
    const missing = await check(provider, body);
    expect(missing.status).toBe(401);
    const token = await launchToken(provider, { sub: 'p-1', course: 'basics' });
    const ok = await check(provider, body, token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ allowed: true, origins: ['https://provider.example'] });
    // The token names the demo provider; `other` belongs to `kursus`.
    const mismatch = await check(
      provider,
      { course: 'other', origin: 'https://kursus.example' },
      await launchToken(provider, { sub: 'p-1' }),
    );
    expect(((await mismatch.json()) as { error: { code: string } }).error.code).toBe(
      'embed-provider-mismatch',
    );
    const otherCourse = await check(
      provider,
      body,
      await launchToken(provider, { sub: 'p-1', course: 'other' }),
    );
    expect(otherCourse.status).toBe(403);
    const forged = await check(
      provider,
      body,
      await launchToken(provider, { sub: 'p-1' }, 'another-secret-0123456789abcdef'),
    );
    expect(forged.status).toBe(401);
  });
});
