import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/server/static/accept-encoding.ts';
import { staticRoutes } from '../../src/server/routes/static.ts';

const script = `export const lessons = [${'"pengantar", '.repeat(400)}];\n`;
const manifest = JSON.stringify({ id: 'basics', lessons: Array(200).fill({ id: 'x' }) });
const mp4 = Buffer.from('0123456789'.repeat(100));

const files: Record<string, string | Buffer> = {
  'index.html': `<!doctype html><title>Runtut</title>${'<p>halo</p>'.repeat(50)}`,
  'assets/index-3f9a1c.js': script,
  'assets/index-3f9a1c.css': `.outline{color:red}`.repeat(50),
  'sw.js': `self.skipWaiting();${' '.repeat(500)}`,
  'manifest.webmanifest': JSON.stringify({ name: 'Runtut', pad: ' '.repeat(500) }),
  'icon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(100)}</svg>`,
  'courses/basics/course.json': manifest,
  'courses/basics/captions/id.vtt': `WEBVTT\n\n${'00:00.000 --> 00:01.000\nHalo\n\n'.repeat(40)}`,
  'courses/basics/media/one.mp4': mp4,
};

function decode(response: Response, body: Buffer): string {
  const coding = response.headers.get('content-encoding');
  if (coding === 'br') return brotliDecompressSync(body).toString();
  if (coding === 'gzip') return gunzipSync(body).toString();
  return body.toString();
}

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['gzip;q=1, br;q=1', 'br'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['x-gzip', 'gzip'],
    [' GZIP ; Q=0.9 , Br;q=0.1', 'gzip'],
  ])('picks %j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('compressed static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'runtut-compress-'));
  const app = staticRoutes(root);
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers });
  const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

  beforeAll(() => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const textPaths = Object.keys(files)
    .filter((path) => !path.endsWith('.mp4'))
    .map((path) => `/${path}`);

  it.each(textPaths.flatMap((path) => [[path, 'br'] as const, [path, 'gzip'] as const]))(
    'sends %s as %s with Vary: Accept-Encoding, and it decodes to the file',
    async (path, coding) => {
      const response = await get(path, {
        'accept-encoding': coding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(coding);
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      const bytes = await body(response);
      expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
      const original = files[path.slice(1)]?.toString() ?? '';
      expect(bytes.byteLength).toBeLessThan(original.length);
      expect(decode(response, bytes)).toBe(original);
    },
  );

  it.each(textPaths)(
    'sends %s as it is (still with Vary) when no coding is accepted',
    async (path) => {
      const response = await get(path, { 'accept-encoding': 'identity' });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect((await body(response)).toString()).toBe(files[path.slice(1)]?.toString());
    },
  );

  it('keeps hashed assets immutable and makes HTML, the worker and manifests revalidate', async () => {
    const cache = async (path: string) =>
      (await get(path, { 'accept-encoding': 'br' })).headers.get('cache-control');
    expect(await cache('/assets/index-3f9a1c.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/sw.js', '/manifest.webmanifest', '/courses/basics/course.json'])
      expect(await cache(path)).toBe('no-cache');
  });

  it.each(['/', '/sw.js', '/courses/basics/course.json', '/manifest.webmanifest'])(
    'answers a revalidation of %s with 304 and no body, per coding',
    async (path) => {
      const first = await get(path, { 'accept-encoding': 'br' });
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^".+-br"$/);
      const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('vary')).toBe('Accept-Encoding');
      expect((await body(again)).byteLength).toBe(0);
      // The gzip representation is another one: it is sent, not "not modified".
      const gz = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      expect(gz.status).toBe(200);
      expect(gz.headers.get('content-encoding')).toBe('gzip');
    },
  );

  it('answers a media range request with 206, uncompressed, whatever the client accepts', async () => {
    const response = await get('/courses/basics/media/one.mp4', {
      range: 'bytes=10-19',
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-range')).toBe(`bytes 10-19/${mp4.byteLength}`);
    expect((await body(response)).toString()).toBe('0123456789');
    const whole = await get('/courses/basics/media/one.mp4', { 'accept-encoding': 'br' });
    expect(whole.headers.get('content-encoding')).toBeNull();
    expect((await body(whole)).byteLength).toBe(mp4.byteLength);
  });

  it('uses a fresh build-time sibling, and ignores one older than its file', async () => {
    const path = join(root, 'assets/index-3f9a1c.css');
    writeFileSync(`${path}.gz`, gzipSync('/* from the build */'));
    const fresh = await get('/assets/index-3f9a1c.css', { 'accept-encoding': 'gzip' });
    expect(decode(fresh, await body(fresh))).toBe('/* from the build */');

    const past = new Date(Date.now() - 60_000);
    utimesSync(`${path}.gz`, past, past);
    const stale = await get('/assets/index-3f9a1c.css', { 'accept-encoding': 'gzip' });
    expect(decode(stale, await body(stale))).toBe(files['assets/index-3f9a1c.css']);
  });

  it('serves an edited course manifest at once, never a stale compressed copy', async () => {
    const path = join(root, 'courses/basics/course.json');
    const before = await get('/courses/basics/course.json', { 'accept-encoding': 'br' });
    const changed = JSON.stringify({ id: 'basics', edited: true, pad: 'x'.repeat(300) });
    writeFileSync(path, changed);
    const later = new Date(Date.now() + 5_000);
    utimesSync(path, later, later);
    const after = await get('/courses/basics/course.json', {
      'accept-encoding': 'br',
      'if-none-match': before.headers.get('etag') ?? '',
    });
    expect(after.status).toBe(200);
    expect(decode(after, await body(after))).toBe(changed);
  });

  it('refuses paths that climb out of the root', async () => {
    for (const path of ['/%2e%2e/etc/passwd.txt', '/assets/..%2f..%2fsecret.json'])
      expect((await get(path)).status).toBe(404);
  });
});
