import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../src/offline/byte-stream.ts';
import { emptyFile, MediaDb } from '../../src/offline/media-db.ts';
import { createMediaStore, type MediaStore } from '../../src/offline/media-store.ts';
import { passOnAndStore } from '../../src/offline/sw/stored-from-network.ts';
import { createUsageMeter } from '../../src/offline/usage-meter.ts';

const piece = (seed: number) => new Uint8Array(CHUNK_BYTES).fill(seed);

function bodyOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

/** The real store, but each write waits until the test lets it go on. */
function heldStore(store: MediaStore) {
  const held: { release(): void }[] = [];
  const slow: MediaStore = {
    ...store,
    write: (...args) =>
      new Promise<void>((release) => held.push({ release })).then(() => store.write(...args)),
  };
  return { slow, held };
}

describe('passOnAndStore (network bytes kept as they stream)', () => {
  it('hands the player a chunk while that chunk is still being written', async () => {
    const db = new MediaDb(`media-test-${crypto.randomUUID()}`);
    const store = createMediaStore(db);
    const file = await store.create(emptyFile('https://x/slow.mp4', { size: 2 * CHUNK_BYTES }));
    const { slow, held } = heldStore(store);
    const stream = passOnAndStore(
      bodyOf([piece(1), piece(2)]),
      file,
      0,
      slow,
      createUsageMeter(db),
    );
    const first = await stream.next();
    expect(first.value).toEqual(piece(1));
    expect(held).toHaveLength(1);
    const rest = stream.next();
    held[0]?.release();
    expect((await rest).value).toEqual(piece(2));
    const end = stream.next();
    await expect.poll(() => held.length).toBe(2);
    held[1]?.release();
    expect((await end).done).toBe(true);
    expect((await db.files.get(file.id as number))?.complete).toBe(true);
  });

  it('keeps what arrived when the player stops reading', async () => {
    const db = new MediaDb(`media-test-${crypto.randomUUID()}`);
    const store = createMediaStore(db);
    const file = await store.create(emptyFile('https://x/cut.mp4', { size: 3 * CHUNK_BYTES }));
    const stream = passOnAndStore(
      bodyOf([piece(1), piece(2), piece(3)]),
      file,
      0,
      store,
      createUsageMeter(db),
    );
    await stream.next();
    await stream.next();
    await stream.return(undefined);
    expect((await db.files.get(file.id as number))?.spans).toEqual([[0, 2 * CHUNK_BYTES]]);
  });
});
