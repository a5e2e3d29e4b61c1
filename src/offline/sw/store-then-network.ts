import { readContentRange, type ByteRange } from '../../domain/offline/byte-ranges.ts';
import type { StoredFile } from '../media-db.ts';
import { streamOf } from '../byte-stream.ts';
import type { MediaDeps } from './answer-media.ts';
import { headersFor } from './stored-answer.ts';
import { passOnAndStore } from './stored-from-network.ts';

/** The stored start of the range, then the rest from the network (stored as it arrives). */
export function storeThenNetwork(
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
