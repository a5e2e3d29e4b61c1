import type { StoredLessonEvent } from '../storage/runtut-db.ts';

/** The server takes at most 500 events and 256 KB a request; stay well inside both. */
export const BATCH_EVENTS = 200;
export const BATCH_BYTES = 200_000;

const encoder = new TextEncoder();

/**
 * Splits rows (oldest first) into consecutive chunks whose `{"events":[...]}` body stays under
 * `maxBytes`. A single event larger than that still goes alone: the server decides.
 */
export function chunkBySize(
  rows: readonly StoredLessonEvent[],
  maxBytes = BATCH_BYTES,
): StoredLessonEvent[][] {
  const chunks: StoredLessonEvent[][] = [];
  let current: StoredLessonEvent[] = [];
  let bytes = 0;
  const envelope = encoder.encode('{"events":[]}').length;
  for (const row of rows) {
    const size = encoder.encode(JSON.stringify(row.event)).length + 1;
    if (current.length > 0 && envelope + bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
