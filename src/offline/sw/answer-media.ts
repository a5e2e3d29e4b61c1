import {
  contentRangeHeader,
  isRangeStored,
  planRange,
  readContentRange,
  readRangeHeader,
  type ByteRange,
} from '../../domain/offline/byte-ranges.ts';
import { emptyFile, type StoredFile } from '../media-db.ts';
import type { MediaStore } from '../media-store.ts';
import type { UsageMeter } from '../usage-meter.ts';
import { streamOf } from '../byte-stream.ts';
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
 */
export async function answerMedia(request: Request, deps: MediaDeps): Promise<Response> {
  const url = withoutFragment(request.url);
  const file = await deps.store.servable(url).catch(() => undefined);
  if (file?.id !== undefined && file.size !== null) {
    const ask = readRangeHeader(request.headers.get('range'), file.size);
    if (ask.kind === 'unsatisfiable') {
      return new Response(null, {
        status: 416,
        headers: { 'Content-Range': `bytes */${file.size}` },
      });
    }
    const range = ask.kind === 'range' ? ask.range : { start: 0, end: file.size - 1 };
    const partial = ask.kind === 'range';
    if (file.size === 0 || isRangeStored(file.spans, range)) {
      void deps.store.update(file.id, { lastUsed: Date.now() }).catch(() => undefined);
      return fromStore(file, range, partial, deps);
    }
    const first = planRange(file.spans, range)[0];
    if (deps.keepPlayed && first?.from === 'store')
      return storeThenNetwork(file, range, first.end, partial, deps);
  }
  return deps.keepPlayed ? fromNetwork(request, url, file, deps) : deps.fetch(request);
}

function headersFor(file: StoredFile, range: ByteRange, partial: boolean): Headers {
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Content-Length': String(range.end - range.start + 1),
    'Accept-Ranges': 'bytes',
  });
  if (partial) headers.set('Content-Range', contentRangeHeader(range, file.size ?? 0));
  return headers;
}

function fromStore(
  file: StoredFile,
  range: ByteRange,
  partial: boolean,
  deps: MediaDeps,
): Response {
  const body =
    file.size === 0
      ? null
      : streamOf(deps.store.read(file.id as number, range.start, range.end + 1));
  return new Response(body, {
    status: partial ? 206 : 200,
    headers: headersFor(file, range, partial),
  });
}

/** The stored start of the range, then the rest from the network (stored as it arrives). */
function storeThenNetwork(
  file: StoredFile,
  range: ByteRange,
  holeStart: number,
  partial: boolean,
  deps: MediaDeps,
): Response {
  async function* bytes(): AsyncGenerator<Uint8Array> {
    yield* deps.store.read(file.id as number, range.start, holeStart);
    // No If-Range here: a changed file is noticed by its validators on the next full response,
    // and a server that answers this with the whole file (200) must not stall the player.
    const headers = new Headers({ Range: `bytes=${holeStart}-${range.end}` });
    const response = await deps.fetch(new Request(file.url, { headers }));
    const stated = readContentRange(response.headers.get('content-range'));
    if (!response.body || (response.status === 206 && stated?.start !== holeStart)) {
      throw new Error(`unexpected answer for ${file.url}: ${response.status}`);
    }
    if (response.status === 200) {
      yield* skipBytes(response.body, holeStart, range.end + 1 - holeStart);
      return;
    }
    yield* passOnAndStore(response.body, file, holeStart, deps.store, deps.meter);
    deps.stored();
  }
  return new Response(streamOf(bytes()), {
    status: partial ? 206 : 200,
    headers: headersFor(file, range, partial),
  });
}

/** The part [from, from + length) of a whole-file body, for a server that ignored `Range`. */
async function* skipBytes(
  body: ReadableStream<Uint8Array>,
  from: number,
  length: number,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let offset = 0;
  let left = length;
  try {
    while (left > 0) {
      const { value, done } = await reader.read();
      if (done) return;
      const start = Math.max(0, from - offset);
      offset += value.byteLength;
      if (start >= value.byteLength) continue;
      const part = value.subarray(start, Math.min(value.byteLength, start + left));
      left -= part.byteLength;
      yield part;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function fromNetwork(
  request: Request,
  url: string,
  known: StoredFile | undefined,
  deps: MediaDeps,
): Promise<Response> {
  const response = await deps.fetch(request);
  if ((response.status !== 200 && response.status !== 206) || !response.body) return response;
  if (response.type === 'opaque') return response;
  const file = await fileFor(url, known, response, deps.store).catch(() => undefined);
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

/** The stored record to keep this response in; a changed file starts a new one. */
async function fileFor(
  url: string,
  known: StoredFile | undefined,
  response: Response,
  store: MediaStore,
): Promise<StoredFile | undefined> {
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

export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
