import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { chooseEncoding, type ContentCoding } from './accept-encoding.ts';
import {
  COMPRESS_MAX_SOURCE_BYTES,
  type CompressionCache,
  type FileVersion,
  type StoredCoding,
} from './compression-cache.ts';

/** Text the page fetches: always sent compressed when the client accepts it. */
const TEXT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json',
  vtt: 'text/vtt; charset=utf-8',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
};

export const isTextAsset = (ext: string | undefined) => ext !== undefined && ext in TEXT_TYPES;

const SIBLING: Record<StoredCoding, string> = { br: '.br', gzip: '.gz' };
const TAG_SUFFIX: Record<ContentCoding, string> = { br: '-br', gzip: '-gz', identity: '' };

async function fileAt(path: string) {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** A build-time sibling (`app.js.br`) counts only if it is not older than the file itself. */
async function freshSibling(version: FileVersion, coding: StoredCoding) {
  const sibling = await fileAt(version.path + SIBLING[coding]);
  return sibling && sibling.mtimeMs >= version.mtimeMs
    ? readFile(version.path + SIBLING[coding])
    : undefined;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Sends one text file in the best coding the client accepts: a fresh precompressed sibling from
 * the build if there is one, else a copy compressed on demand (cached by path, size and mtime).
 * Every answer carries `Vary: Accept-Encoding` and an ETag per representation, and a matching
 * `If-None-Match` gets `304` with no body. Returns undefined when there is no such file.
 */
export async function serveText(
  c: Context,
  path: string,
  cacheControl: string,
  cache: CompressionCache,
): Promise<Response | undefined> {
  const stats = await fileAt(path);
  if (!stats) return undefined;
  const version: FileVersion = { path, size: stats.size, mtimeMs: stats.mtimeMs };
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const accepted = chooseEncoding(c.req.header('accept-encoding'));
  let coding: ContentCoding = stats.size > 0 ? accepted : 'identity';
  // Too big to compress per request: only a build-time sibling is sent compressed.
  const sibling = coding === 'identity' ? undefined : await freshSibling(version, coding);
  if (!sibling && stats.size > COMPRESS_MAX_SOURCE_BYTES) coding = 'identity';
  const etag = `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}${TAG_SUFFIX[coding]}"`;
  const headers = new Headers({
    'Content-Type': TEXT_TYPES[ext] ?? getMimeType(path) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
  });
  return answer(c, headers, coding, async () =>
    coding === 'identity'
      ? readFile(path)
      : (sibling ?? cache.get(version, coding, () => readFile(path))),
  );
}

/** `304` for a matching `If-None-Match`, else the body in `coding` with its length. */
async function answer(
  c: Context,
  headers: Headers,
  coding: ContentCoding,
  body: () => Promise<Uint8Array>,
): Promise<Response> {
  if (matches(c.req.header('if-none-match'), headers.get('ETag') ?? ''))
    return new Response(null, { status: 304, headers });
  const bytes = await body();
  if (coding !== 'identity') headers.set('Content-Encoding', coding);
  headers.set('Content-Length', String(bytes.byteLength));
  // Node buffers are never backed by a SharedArrayBuffer.
  const payload = bytes as Uint8Array<ArrayBuffer>;
  return new Response(c.req.method === 'HEAD' ? null : payload, { status: 200, headers });
}

/**
 * Sends JSON held in memory (a course manifest from the catalog) the way `serveText` sends a
 * file: compressed by `Accept-Encoding` (cached per content), an ETag per representation from
 * the content's hash, `Vary: Accept-Encoding`, and `304` for a matching `If-None-Match`.
 */
export function serveJsonText(
  c: Context,
  json: string,
  cacheControl: string,
  cache: CompressionCache,
): Promise<Response> {
  const bytes = Buffer.from(json);
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  const coding: ContentCoding =
    bytes.byteLength > 0 ? chooseEncoding(c.req.header('accept-encoding')) : 'identity';
  const headers = new Headers({
    'Content-Type': TEXT_TYPES.json ?? 'application/json',
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    ETag: `"${hash}${TAG_SUFFIX[coding]}"`,
  });
  const version: FileVersion = { path: `memory:${hash}`, size: bytes.byteLength, mtimeMs: 0 };
  return answer(c, headers, coding, async () =>
    coding === 'identity' ? bytes : cache.get(version, coding, async () => bytes),
  );
}
