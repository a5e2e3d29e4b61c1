import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type StoredCoding = 'br' | 'gzip';

/** Bytes of compressed text kept in memory across all files. */
export const CACHE_MAX_BYTES = 16 * 1024 * 1024;
/** Larger files are sent as they are rather than compressed on each request. */
export const COMPRESS_MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/** What identifies one version of a file: changing it (new mtime or size) misses the cache. */
export interface FileVersion {
  path: string;
  size: number;
  mtimeMs: number;
}

export function compress(bytes: Uint8Array, coding: StoredCoding): Promise<Buffer> {
  return coding === 'br'
    ? brotli(bytes, {
        params: {
          // Quality 6 is ~10x faster than 11 and ~5 % larger: fine for files made on demand.
          [constants.BROTLI_PARAM_QUALITY]: 6,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      })
    : gzipAsync(bytes, { level: 9 });
}

/**
 * Compressed copies of text files that have no fresh precompressed sibling on disk (course
 * manifests and captions in COURSES_DIR, which change while the server runs). Least recently
 * used out first; an entry is keyed by path, size and mtime, so an edited file is never served
 * stale, and the old version simply ages out.
 */
export function createCompressionCache(maxBytes = CACHE_MAX_BYTES) {
  const entries = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let total = 0;

  function evict(): void {
    for (const key of entries.keys()) {
      if (total <= maxBytes) return;
      total -= sizes.get(key) ?? 0;
      sizes.delete(key);
      entries.delete(key);
    }
  }

  return {
    get(version: FileVersion, coding: StoredCoding, read: () => Promise<Uint8Array>) {
      const key = `${coding}|${version.size}|${version.mtimeMs}|${version.path}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const made = read().then((bytes) => compress(bytes, coding));
      entries.set(key, made);
      made.then(
        (bytes) => {
          if (!entries.has(key)) return;
          sizes.set(key, bytes.byteLength);
          total += bytes.byteLength;
          evict();
        },
        () => entries.delete(key),
      );
      return made;
    },
    get totalBytes() {
      return total;
    },
  };
}

export type CompressionCache = ReturnType<typeof createCompressionCache>;
