import type { StoredFile } from '../media-db.ts';
import type { MediaStore } from '../media-store.ts';
import type { UsageMeter } from '../usage-meter.ts';
import { CHUNK_BYTES, ChunkBuffer } from '../byte-stream.ts';

/**
 * Passes a network body on to the player while keeping its bytes in the media store (the
 * playback cache). The player sets the pace: nothing is read ahead of it, and when it stops
 * reading (a seek, a closed tab) the network read stops too and what arrived is kept.
 * A store that fails (no space) stops storing, never playback.
 */
export async function* passOnAndStore(
  body: ReadableStream<Uint8Array>,
  file: StoredFile,
  startOffset: number,
  store: MediaStore,
  meter: UsageMeter,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  const buffer = new ChunkBuffer(CHUNK_BYTES);
  let offset = startOffset;
  let storing = file.id !== undefined;
  let finished = false;
  const flush = async () => {
    if (!storing || buffer.byteLength === 0) return;
    const at = offset - buffer.byteLength;
    const data = buffer.take();
    try {
      await store.write(file.id as number, at, data);
    } catch {
      storing = false;
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      meter.add(value.byteLength);
      offset += value.byteLength;
      if (storing) buffer.push(value);
      if (buffer.full) await flush();
      yield value;
    }
    finished = true;
    await flush();
    if (storing && file.size === null && file.id !== undefined) {
      // A body without a stated size (compressed): its end tells the size.
      await store.update(file.id, { size: offset, complete: startOffset === 0 });
    }
  } finally {
    if (!finished) {
      await flush();
      await reader.cancel().catch(() => undefined);
    }
    void meter.flush();
  }
}
