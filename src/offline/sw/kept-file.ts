import { readContentRange } from '../../domain/offline/byte-ranges.ts';
import { emptyFile, type StoredFile } from '../media-db.ts';
import type { MediaStore } from '../media-store.ts';

const pending = new WeakMap<MediaStore, Map<string, Promise<unknown>>>();

/**
 * The stored record to keep a network response for `url` in; a changed file starts a new one,
 * and a pinned (downloaded) copy is never replaced by playback (`undefined`: keep nothing).
 *
 * One URL's records are looked up and made one at a time: the player often has two range
 * requests for one file in flight (the start, then the index at its end), and two records for
 * one URL would split its bytes so that neither is ever complete.
 */
export function keptFileFor(
  url: string,
  response: Response,
  store: MediaStore,
): Promise<StoredFile | undefined> {
  let perUrl = pending.get(store);
  if (!perUrl) pending.set(store, (perUrl = new Map()));
  const queue = perUrl;
  const next = (queue.get(url) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => recordFor(url, response, store));
  queue.set(url, next);
  const done = () => {
    if (queue.get(url) === next) queue.delete(url);
  };
  next.then(done, done);
  return next;
}

async function recordFor(
  url: string,
  response: Response,
  store: MediaStore,
): Promise<StoredFile | undefined> {
  const known = await store.servable(url);
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  const size = sizeOf(response);
  if (known?.id !== undefined) {
    const same =
      (known.etag ?? null) === (etag ?? null) &&
      (known.lastModified ?? null) === (lastModified ?? null) &&
      (size === null || known.size === null || known.size === size);
    if (same) return known;
    if (known.pinned) return undefined;
    await store.remove([known.id]);
  }
  return store.create(
    emptyFile(url, {
      size,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      etag,
      lastModified,
    }),
  );
}

function sizeOf(response: Response): number | null {
  if (response.status === 206)
    return readContentRange(response.headers.get('content-range'))?.size ?? null;
  if (response.headers.get('content-encoding')) return null;
  const length = response.headers.get('content-length');
  return length === null ? null : Number(length);
}
