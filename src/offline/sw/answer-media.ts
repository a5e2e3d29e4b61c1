import { planRange, readContentRange } from '../../domain/offline/byte-ranges.ts';
import type { MediaStore } from '../media-store.ts';
import type { UsageMeter } from '../usage-meter.ts';
import { streamOf } from '../byte-stream.ts';
import { keptFileFor } from './kept-file.ts';
import { storeThenNetwork } from './store-then-network.ts';
import { rangeAsked, storedAnswer } from './stored-answer.ts';
import { passOnAndStore } from './stored-from-network.ts';

export interface MediaDeps {
  store: MediaStore;
  meter: UsageMeter;
  fetch(request: Request): Promise<Response>;
  /** Called after bytes were stored, so the cache can keep to its budget. */
  stored(): void;
  /**
   * Whether the bytes of ordinary playback are kept too (issue 7.3's playback cache), or only
   * downloaded files are answered from the store.
   */
  keepPlayed: boolean;
}

/**
 * Answers one ordinary media request of the player (MP4 with `Range`, an HLS segment, a caption,
 * a poster): from the media store where the bytes are there, else from the network, keeping what
 * arrives. It decides no rules: the player's gates are the same wherever the bytes come from.
 *
 * `bornControlled` says whether the page was controlled from its start (born-controlled-pages.ts):
 * a page taken over mid-life gets the network's responses untouched, never one of ours.
 */
export async function answerMedia(
  request: Request,
  deps: MediaDeps,
  bornControlled = true,
): Promise<Response> {
  const url = withoutFragment(request.url);
  if (!bornControlled) return networkUntouched(request, url, deps);
  const file = await deps.store.servable(url).catch(() => undefined);
  if (file?.id !== undefined && file.size !== null) {
    const stored = storedAnswer(request, file, deps.store);
    if (stored) return stored;
    const asked = rangeAsked(request, file.size);
    const first = asked === 'unsatisfiable' ? undefined : planRange(file.spans, asked.range)[0];
    if (deps.keepPlayed && asked !== 'unsatisfiable' && first?.from === 'store')
      return storeThenNetwork(file, asked.range, first.end, asked.partial, deps);
  }
  return deps.keepPlayed ? fromNetwork(request, url, deps) : deps.fetch(request);
}

/**
 * The network's own response, not kept; the store answers only when the network cannot (no
 * signal), since the page would get nothing at all otherwise.
 */
async function networkUntouched(request: Request, url: string, deps: MediaDeps): Promise<Response> {
  try {
    return await deps.fetch(request);
  } catch (error) {
    const file = await deps.store.servable(url).catch(() => undefined);
    const stored = file && storedAnswer(request, file, deps.store);
    if (stored) return stored;
    throw error;
  }
}

/** The network's answer, passed on to the player and kept as it streams. */
async function fromNetwork(request: Request, url: string, deps: MediaDeps): Promise<Response> {
  const response = await deps.fetch(request);
  if ((response.status !== 200 && response.status !== 206) || !response.body) return response;
  if (response.type === 'opaque') return response;
  const file = await keptFileFor(url, response, deps.store).catch(() => undefined);
  const start =
    response.status === 206
      ? (readContentRange(response.headers.get('content-range'))?.start ?? 0)
      : 0;
  const body = file
    ? streamOf(
        (async function* () {
          yield* passOnAndStore(
            response.body as ReadableStream<Uint8Array>,
            file,
            start,
            deps.store,
            deps.meter,
          );
          deps.stored();
        })(),
      )
    : response.body;
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
