import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip (level 9, as the build's `.gz` siblings) bytes of a file. */
export const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

/**
 * The scripts a browser fetches before it can run the first screen: the entry module that
 * index.html names and every chunk it preloads. Lazily imported chunks (player, storage, HLS)
 * are not among them.
 */
export function firstScreenScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)];
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return [...entries, ...preloads].map((match) => join(distDir, match[1] ?? ''));
}

export function firstScreenGzipBytes(distDir: string): number {
  return firstScreenScripts(distDir).reduce((sum, path) => sum + gzipBytes(path), 0);
}
