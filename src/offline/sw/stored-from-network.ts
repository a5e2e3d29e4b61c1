import type { StoredFile } from '../media-db.ts';
import type { MediaStore } from '../media-store.ts';
import type { UsageMeter } from '../usage-meter.ts';
import { CHUNK_BYTES, ChunkBuffer } from '../byte-stream.ts';

/**
 * Passes a network body on to the player while keeping its bytes in the media store (the
 * playback cache). The player sets the pace: nothing is read ahead of it, and when it stops
 * reading (a seek, a closed tab) the network read stops too and what arrived is kept.
 * The player never waits for the write of the bytes it is given: one chunk is written while the
 * next gathers, so only a store more than a chunk behind the network holds the player back.
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
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!storing || buffer.byteLength === 0) return;
    const at = offset - buffer.byteLength;
    const data = buffer.take();
    await writing;
    writing = store.write(file.id as number, at, data).then(
      () => undefined,
      () => {
        storing = false;
      },
    );
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
    await writing;
    if (storing && file.size === null && file.id !== undefined) {
      // A body without a stated size (compressed): its end tells the size.
      await store.update(file.id, { size: offset, complete: startOffset === 0 });
    }
  } finally {
    if (!finished) {
      await reader.cancel().catch(() => undefined);
      await flush();
      await writing;
    }
    void meter.flush();
  }
}
