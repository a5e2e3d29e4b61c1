import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DropError } from '../../src/offline/download-errors.ts';
import { downloadFile } from '../../src/offline/file-download.ts';
import { MediaDb } from '../../src/offline/media-db.ts';
import { createMediaStore } from '../../src/offline/media-store.ts';

const body = Uint8Array.from({ length: 700_000 }, (_, i) => (i * 13) % 251);
const job = {
  url: 'https://cdn.example/course/lesson.mp4',
  bytes: body.length,
  sha256: createHash('sha256').update(body).digest('hex'),
};

/** Answers ranges; with `stallAfter`, sends that many bytes and then nothing, never closing. */
function mediaServer(ranges: string[], stallAfter?: number): typeof fetch {
  return (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range');
    ranges.push(range ?? 'whole');
    const start = Number(/bytes=(\d+)-/.exec(range ?? '')?.[1] ?? 0);
    const rest = body.slice(start, stallAfter === undefined ? undefined : start + stallAfter);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(rest);
        if (stallAfter === undefined) controller.close();
        // Otherwise the connection stays open and silent, as when the signal is lost; an abort
        // errors the body, as fetch does.
        init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
      },
    });
    return new Response(stream, {
      status: range ? 206 : 200,
      headers: {
        'Content-Length': String(body.length - start),
        ...(range ? { 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
        ETag: '"v1"',
      },
    });
  }) as typeof fetch;
}

describe('downloadFile on a silent link', () => {
  it('drops an attempt that stops receiving, keeps what arrived, and resumes from it by range', async () => {
    const store = createMediaStore(new MediaDb(`file-${crypto.randomUUID()}`));
    const ranges: string[] = [];
    const context = { store, signal: new AbortController().signal, progress: () => undefined };

    const stalled = downloadFile(job, {
      ...context,
      fetch: mediaServer(ranges, 300_000),
      stallMs: 100,
    });
    await expect(stalled).rejects.toBeInstanceOf(DropError);
    const staging = await store.staging(job.url);
    expect(staging?.storedBytes).toBe(300_000);

    const done = await downloadFile(job, { ...context, fetch: mediaServer(ranges) });
    expect(done).toMatchObject({ complete: true, storedBytes: body.length });
    expect(ranges).toEqual(['whole', 'bytes=300000-']);
  });

  it('asks the network for nothing when every byte arrived before the link went silent', async () => {
    const store = createMediaStore(new MediaDb(`file-${crypto.randomUUID()}`));
    const ranges: string[] = [];
    const context = { store, signal: new AbortController().signal, progress: () => undefined };
    const silentAtTheEnd = mediaServer(ranges, body.length);
    await expect(
      downloadFile(job, { ...context, fetch: silentAtTheEnd, stallMs: 100 }),
    ).rejects.toBeInstanceOf(DropError);

    const done = await downloadFile(job, { ...context, fetch: silentAtTheEnd });
    expect(done).toMatchObject({ complete: true, storedBytes: body.length });
    expect(ranges).toEqual(['whole']);
  });

  it('a cancel is not taken for a lost signal', async () => {
    const store = createMediaStore(new MediaDb(`file-${crypto.randomUUID()}`));
    const cancel = new AbortController();
    const attempt = downloadFile(job, {
      store,
      signal: cancel.signal,
      fetch: mediaServer([], 100_000),
      progress: () => undefined,
      stallMs: 60_000,
    });
    setTimeout(() => cancel.abort(), 50);
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' });
  });
});
