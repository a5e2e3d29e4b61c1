import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, noDatabase, type TestServer } from './support/test-server.ts';

const files: Record<string, string> = {
  'index.html': '<!doctype html><title>Runtut</title>',
  'assets/index-3f9a1c.js': 'console.log(1)',
  'sw.js': 'self.skipWaiting()',
  'courses/basics/media/one.mp4': '0123456789',
  'courses/basics/media/one.webm': 'webm',
  'courses/basics/hls/master.m3u8': '#EXTM3U',
  'courses/basics/hls/seg0.ts': 'ts',
  'courses/basics/hls/seg0.m4s': 'm4s',
  'courses/basics/captions/id.vtt': 'WEBVTT',
};

describe('the built app and its headers', () => {
  const root = mkdtempSync(join(tmpdir(), 'runtut-dist-'));
  let server: TestServer;

  beforeAll(async () => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    server = await createTestServer(noDatabase, { staticDir: root });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const get = (path: string, headers: Record<string, string> = {}) =>
    server.app.request(path, { headers });

  it.each([
    ['/', 'text/html', 'no-cache'],
    ['/course/basics/lesson/one', 'text/html', 'no-cache'],
    ['/assets/index-3f9a1c.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ['/sw.js', 'text/javascript', 'no-cache'],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('cache-control')).toBe(cache);
  });

  it('has a course page fetch its manifest while its script downloads (Link: rel=preload)', async () => {
    for (const path of ['/c/basics', '/c/basics/one', '/c/kursus%20satu/']) {
      const course = decodeURIComponent(path.split('/')[2] ?? '');
      expect((await get(path)).headers.get('link'), path).toBe(
        `</courses/${encodeURIComponent(course)}/course.json>; rel=preload; as=fetch; crossorigin`,
      );
    }
    for (const path of ['/', '/console', '/c/', '/c/%E0%A4%A/x']) {
      expect((await get(path)).headers.get('link'), path).toBeNull();
    }
  });

  it.each([
    ['media/one.mp4', 'video/mp4'],
    ['media/one.webm', 'video/webm'],
    ['hls/master.m3u8', 'application/vnd.apple.mpegurl'],
    ['hls/seg0.ts', 'video/mp2t'],
    ['hls/seg0.m4s', 'video/iso.segment'],
    ['captions/id.vtt', 'text/vtt; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(`/courses/basics/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('answers a media range request with 206 and only the asked bytes', async () => {
    const response = await get('/courses/basics/media/one.mp4', { range: 'bytes=2-5' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(await response.text()).toBe('2345');
  });

  it('answers a missing file with 404 instead of the app, and unknown API paths with JSON', async () => {
    expect((await get('/assets/missing-000.js')).status).toBe(404);
    const api = await get('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('sends security headers and lets only the configured provider frame the player', async () => {
    const response = await get('/');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://provider.example",
    );
  });

  it.each([
    ['https://provider.example', 'https://provider.example'],
    ['https://elsewhere.example', null],
  ])('answers a CORS preflight from %s with Allow-Origin %s', async (origin, allowed) => {
    const response = await server.app.request('/api/v1/events', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
  });
});
