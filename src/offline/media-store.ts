import {
  addByteSpan,
  storedByteCount,
  unstoredParts,
  type ByteSpan,
} from '../domain/offline/byte-ranges.ts';
import { localDayOf } from '../domain/offline/data-usage.ts';
import type { MediaDb, StoredFile } from './media-db.ts';

/**
 * The media store's one interface over IndexedDB: files are chunk records keyed by
 * [fileId, offset], so no large file is ever held whole in memory, and any byte range can be
 * read back as a stream. Downloads and the playback cache both write through here.
 */
export interface MediaStore {
  /** The file the service worker may serve for `url` (never a download still being written). */
  servable(url: string): Promise<StoredFile | undefined>;
  staging(url: string): Promise<StoredFile | undefined>;
  create(file: Omit<StoredFile, 'id'>): Promise<StoredFile>;
  update(id: number, changes: Partial<StoredFile>): Promise<void>;
  /**
   * Stores `data` at `offset`, skipping bytes already stored, and counts `fetched` bytes on
   * today's data meter in the same transaction. Returns the file as it is now.
   */
  write(fileId: number, offset: number, data: Uint8Array, fetched?: number): Promise<StoredFile>;
  /** The stored bytes of [start, end), in order, one chunk at a time. */
  read(fileId: number, start: number, end: number): AsyncGenerator<Uint8Array>;
  remove(fileIds: readonly number[]): Promise<void>;
}

export function createMediaStore(db: MediaDb, now: () => Date = () => new Date()): MediaStore {
  return {
    servable: (url) => db.files.where('[url+staging]').equals([url, 0]).first(),
    staging: (url) => db.files.where('[url+staging]').equals([url, 1]).first(),
    async create(file) {
      const id = (await db.files.add(file as StoredFile)) as number;
      return { ...file, id };
    },
    async update(id, changes) {
      await db.files.update(id, changes);
    },
    write: (fileId, offset, data, fetched = 0) =>
      db.transaction('rw', db.files, db.chunks, db.usage, async () => {
        const file = await db.files.get(fileId);
        if (!file) throw new Error(`media store: file ${fileId} is gone`);
        let spans: ByteSpan[] = file.spans;
        for (const [start, end] of unstoredParts(spans, [offset, offset + data.byteLength])) {
          const part = data.slice(start - offset, end - offset);
          await db.chunks.put({ fileId, offset: start, data: part.buffer });
          spans = addByteSpan(spans, [start, end]);
        }
        const storedBytes = storedByteCount(spans);
        const changes = {
          spans,
          storedBytes,
          complete: file.size !== null && storedBytes >= file.size,
          lastUsed: now().getTime(),
        };
        await db.files.update(fileId, changes);
        if (fetched > 0) await countUsage(db, localDayOf(now()), fetched);
        return { ...file, ...changes };
      }),
    async *read(fileId, start, end) {
      let offset = start;
      let chunk = await db.chunks
        .where('[fileId+offset]')
        .between([fileId, 0], [fileId, start], true, true)
        .last();
      while (chunk && offset < end) {
        const chunkEnd = chunk.offset + chunk.data.byteLength;
        if (chunkEnd <= offset) break;
        const from = offset - chunk.offset;
        const to = Math.min(chunk.data.byteLength, end - chunk.offset);
        yield new Uint8Array(chunk.data, from, to - from);
        offset = chunk.offset + to;
        if (offset >= end) return;
        chunk = await db.chunks.get([fileId, chunkEnd]);
      }
      if (offset < end) throw new Error(`media store: bytes ${offset}-${end} of ${fileId} missing`);
    },
    remove: (fileIds) =>
      db.transaction('rw', db.files, db.chunks, async () => {
        for (const fileId of fileIds) {
          await db.chunks
            .where('[fileId+offset]')
            .between([fileId, 0], [fileId, Infinity], true, true)
            .delete();
          await db.files.delete(fileId);
        }
      }),
  };
}

export async function countUsage(db: MediaDb, day: string, bytes: number): Promise<void> {
  await db.transaction('rw', db.usage, async () => {
    const row = await db.usage.get(day);
    await db.usage.put({ day, bytes: (row?.bytes ?? 0) + bytes });
  });
}
