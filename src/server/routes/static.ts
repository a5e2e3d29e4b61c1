import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Types the generic MIME table gets wrong or lacks (HLS playlists and segments, captions). */
const MEDIA_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
  webmanifest: 'application/manifest+json',
};
const MEDIA_EXTENSIONS = new Set(['m3u8', 'ts', 'm4s', 'mp4', 'm4a', 'webm']);

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();

function cacheControlFor(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (
    path === '/sw.js' ||
    path.endsWith('.html') ||
    path.endsWith('.webmanifest') ||
    path.endsWith('course.json')
  ) {
    return 'no-cache';
  }
  return 'public, max-age=3600';
}

/**
 * Serves the built front end: hashed assets cached for a year, the service worker and HTML never
 * without revalidation, media with range requests (video cannot seek without them), and
 * index.html for any other path without a file extension (client-side routes).
 */
export function staticRoutes(root: string) {
  const files = serveStatic({ root });
  const index = serveStatic({ root, path: 'index.html' });
  const app = new Hono();
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const response = (await files(c, async () => undefined)) ?? undefined;
    const ext = extensionOf(c.req.path);
    if (response) {
      const type = ext ? MEDIA_TYPES[ext] : undefined;
      if (type) response.headers.set('Content-Type', type);
      if (ext && MEDIA_EXTENSIONS.has(ext)) response.headers.set('Accept-Ranges', 'bytes');
      response.headers.set(
        'Cache-Control',
        cacheControlFor(c.req.path === '/' ? '/index.html' : c.req.path),
      );
      return response;
    }
    if (ext || !existsSync(join(root, 'index.html'))) return next();
    const fallback = await index(c, async () => undefined);
    if (!fallback) return next();
    fallback.headers.set('Cache-Control', 'no-cache');
    return fallback;
  });
  return app;
}
