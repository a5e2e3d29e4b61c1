import {
  contentRangeHeader,
  isRangeStored,
  readRangeHeader,
  type ByteRange,
} from '../../domain/offline/byte-ranges.ts';
import type { StoredFile } from '../media-db.ts';
import type { MediaStore } from '../media-store.ts';
import { streamOf } from '../byte-stream.ts';

/** What a request asks of a file of known size: a range (or the whole), or nothing it has. */
export type RangeAsked = { range: ByteRange; partial: boolean } | 'unsatisfiable';

export function rangeAsked(request: Request, size: number): RangeAsked {
  const ask = readRangeHeader(request.headers.get('range'), size);
  if (ask.kind === 'unsatisfiable') return 'unsatisfiable';
  if (ask.kind === 'range') return { range: ask.range, partial: true };
  return { range: { start: 0, end: size - 1 }, partial: false };
}

/**
 * The answer from the store alone, where every byte asked for is stored: `206` with a correct
 * `Content-Range` for a range, `200` for the whole, `416` past the end. `null` when some bytes
 * are missing.
 */
export function storedAnswer(
  request: Request,
  file: StoredFile,
  store: MediaStore,
): Response | null {
  if (file.id === undefined || file.size === null) return null;
  const asked = rangeAsked(request, file.size);
  if (asked === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      headers: { 'Content-Range': `bytes */${file.size}` },
    });
  }
  if (file.size !== 0 && !isRangeStored(file.spans, asked.range)) return null;
  void store.update(file.id, { lastUsed: Date.now() }).catch(() => undefined);
  const { range, partial } = asked;
  const body = file.size === 0 ? null : streamOf(store.read(file.id, range.start, range.end + 1));
  return new Response(body, {
    status: partial ? 206 : 200,
    headers: headersFor(file, range, partial),
  });
}

export function headersFor(file: StoredFile, range: ByteRange, partial: boolean): Headers {
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Content-Length': String(range.end - range.start + 1),
    'Accept-Ranges': 'bytes',
  });
  if (partial) headers.set('Content-Range', contentRangeHeader(range, file.size ?? 0));
  return headers;
}
