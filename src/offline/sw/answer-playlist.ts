import { keepStoredVariants } from '../../domain/offline/master-playlist.ts';
import { emptyFile } from '../media-db.ts';
import type { MediaStore } from '../media-store.ts';
import type { MediaDeps } from './answer-media.ts';
import { withoutFragment } from './answer-media.ts';

const NETWORK_WAIT_MS = 4000;
const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';

/**
 * HLS playlists are tiny and may be republished: the network first (for 4 s), the stored copy
 * when there is no signal. Offline, a master playlist lists only the rungs whose playlists are
 * stored, so the player plays the rung that was downloaded instead of asking for one that is not.
 */
export async function answerPlaylist(request: Request, deps: MediaDeps): Promise<Response> {
  const url = withoutFragment(request.url);
  try {
    const response = await withTimeout(deps.fetch(request), NETWORK_WAIT_MS);
    if (response.ok) {
      const text = await response.text();
      deps.meter.add(new TextEncoder().encode(text).byteLength);
      void keepPlaylist(deps.store, url, text, response).catch(() => undefined);
      return new Response(text, { status: 200, headers: { 'Content-Type': PLAYLIST_TYPE } });
    }
    if (response.status < 500) return response;
  } catch {
    // No signal: answer from the store below.
  }
  const stored = await storedText(deps.store, url);
  if (stored === null) return Response.error();
  const filtered = stored.includes('#EXT-X-STREAM-INF')
    ? await filterVariants(deps.store, url, stored)
    : stored;
  return new Response(filtered, { status: 200, headers: { 'Content-Type': PLAYLIST_TYPE } });
}

async function filterVariants(store: MediaStore, url: string, master: string): Promise<string> {
  const complete = new Set<string>();
  for (const line of master.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const file = await store.servable(new URL(line.trim(), url).href);
    if (file?.complete) complete.add(line.trim());
  }
  return keepStoredVariants(master, (uri) => complete.has(uri));
}

async function storedText(store: MediaStore, url: string): Promise<string | null> {
  const file = await store.servable(url);
  if (!file?.complete || file.id === undefined || file.size === null) return null;
  const parts: Uint8Array[] = [];
  for await (const part of store.read(file.id, 0, file.size)) parts.push(part);
  return new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer());
}

/** Keeps the playlist as fetched; a downloaded (pinned) copy is only replaced by its download. */
async function keepPlaylist(
  store: MediaStore,
  url: string,
  text: string,
  response: Response,
): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  const known = await store.servable(url);
  if (known?.pinned) return;
  if (known?.complete && (await storedText(store, url)) === text) return;
  if (known?.id !== undefined) await store.remove([known.id]);
  const file = await store.create(
    emptyFile(url, {
      size: bytes.byteLength,
      contentType: PLAYLIST_TYPE,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    }),
  );
  await store.write(file.id as number, 0, bytes);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
