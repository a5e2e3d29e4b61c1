import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { createCompressionCache } from '../static/compression-cache.ts';
import { isTextAsset, serveText } from '../static/serve-text.ts';
import { manifestPreloadFor } from './manifest-preload.ts';

/** Types the generic MIME table gets wrong or lacks (HLS playlists and segments). */
const MEDIA_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  webm: 'video/webm',
};
const MEDIA_EXTENSIONS = new Set(Object.keys(MEDIA_TYPES));

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

/** The file a request path names under root, or undefined for anything that could escape it. */
function fileUnder(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(requestPath);
  } catch {
    return undefined;
  }
  if (/(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\|%/.test(decoded)) return undefined;
  return join(root, decoded);
}

/**
 * Serves the built front end: text (HTML, JS, CSS, manifests, captions, SVG) compressed by
 * `Accept-Encoding` with ETags, hashed assets cached for a year, the service worker, HTML and
 * manifests revalidated, media never compressed and with range requests (video cannot seek
 * without them), and index.html for any other path without a file extension (client routes).
 */
export function staticRoutes(root: string) {
  const media = serveStatic({ root });
  const cache = createCompressionCache();
  const text = (c: Context, file: string, cacheControl: string) =>
    serveText(c, file, cacheControl, cache);
  const app = new Hono();
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    if (path.startsWith('/api/')) return next();
    const ext = extensionOf(path);
    if (isTextAsset(ext)) {
      const file = fileUnder(root, path);
      const response = file ? await text(c, file, cacheControlFor(path)) : undefined;
      return response ?? next();
    }
    const response = (await media(c, async () => undefined)) ?? undefined;
    if (response) {
      const type = ext ? MEDIA_TYPES[ext] : undefined;
      if (type) response.headers.set('Content-Type', type);
      if (ext && MEDIA_EXTENSIONS.has(ext)) response.headers.set('Accept-Ranges', 'bytes');
      response.headers.set('Cache-Control', cacheControlFor(path));
      return response;
    }
    if (ext || !existsSync(join(root, 'index.html'))) return next();
    const page = await text(c, join(root, 'index.html'), 'no-cache');
    const preload = manifestPreloadFor(c.req.path);
    if (page && preload) page.headers.set('Link', preload);
    return page ?? next();
  });
  return app;
}
