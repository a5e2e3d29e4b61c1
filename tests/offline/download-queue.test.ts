import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DownloadQueue } from '../../src/offline/download-queue.ts';
import { createMediaStore } from '../../src/offline/media-store.ts';
import { MediaDb, type DownloadRecord } from '../../src/offline/media-db.ts';

const body = Uint8Array.from({ length: 600_000 }, (_, i) => (i * 31) % 256);
const sha256 = createHash('sha256').update(body).digest('hex');
const url = 'https://cdn.example/course/m.mp4';

/** A real HTTP-shaped answer with ranges, as a media server gives. */
async function server(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const range = /bytes=(\d+)-/.exec(new Headers(init?.headers).get('range') ?? '');
  const start = range ? Number(range[1]) : 0;
  return new Response(body.slice(start), {
    status: range ? 206 : 200,
    headers: {
      'Content-Length': String(body.length - start),
      ...(range ? { 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
      ETag: '"v1"',
    },
  });
  void input;
}

function record(sha = sha256): DownloadRecord {
  return {
    key: 'c/l',
    courseId: 'c',
    lessonId: 'l',
    state: 'none',
    signature: 's',
    files: [{ src: 'm.mp4', url, bytes: body.length, sha256: sha, role: 'media', done: false }],
    bytesTotal: body.length,
    updatedAt: 1,
  };
}

async function settle(queue: DownloadQueue, states: string[]): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const state = queue.get('c/l')?.record.state ?? 'none';
      if (states.includes(state)) resolve(state);
    };
    queue.subscribe(check);
    check();
  });
}

describe('DownloadQueue', () => {
  it('downloads, verifies and pins a lesson’s file', async () => {
    const db = new MediaDb(`queue-${crypto.randomUUID()}`);
    const queue = new DownloadQueue(db, server as typeof fetch);
    await queue.enqueue(record());
    expect(await settle(queue, ['complete', 'error'])).toBe('complete');
    const [file] = await db.files.toArray();
    expect(file).toMatchObject({
      url,
      pinned: true,
      staging: 0,
      complete: true,
      storedBytes: body.length,
    });
  });

  it('refetches a mismatching file once, then stops naming it and keeps no partial copy', async () => {
    const db = new MediaDb(`queue-${crypto.randomUUID()}`);
    let fetches = 0;
    const counting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      fetches++;
      return server(input, init);
    }) as typeof fetch;
    const queue = new DownloadQueue(db, counting);
    await queue.enqueue(record('0'.repeat(64)));
    expect(await settle(queue, ['complete', 'error'])).toBe('error');
    expect(queue.get('c/l')?.record.error).toEqual({ code: 'integrity', file: url });
    expect(fetches).toBe(2);
    expect(await db.files.count()).toBe(0);
  });

  it('on QuotaExceededError removes the partial file and reports "quota"', async () => {
    const db = new MediaDb(`queue-${crypto.randomUUID()}`);
    // The disk fills up: IndexedDB refuses chunk writes as a real browser does.
    db.chunks.hook('creating', () => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    const queue = new DownloadQueue(db, server as typeof fetch);
    await queue.enqueue(record());
    expect(await settle(queue, ['complete', 'error'])).toBe('error');
    expect(queue.get('c/l')?.record.error?.code).toBe('quota');
    expect(await db.files.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  it('a full disk in one file stops the others and leaves no partial file of any', async () => {
    const db = new MediaDb(`queue-${crypto.randomUUID()}`);
    // Only the video's big chunks find no room; the captions beside it are tiny.
    db.chunks.hook('creating', (_key, chunk) => {
      if (chunk.data.byteLength > 100_000)
        throw new DOMException('disk full', 'QuotaExceededError');
    });
    const small = (n: number) => ({
      src: `c${n}.vtt`,
      url: `https://cdn.example/course/c${n}.vtt`,
      role: 'caption' as const,
      done: false,
    });
    const captions = [1, 2, 3, 4, 5].map(small);
    const serveAll = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('.vtt')
        ? new Response('WEBVTT\n\n', { headers: { ETag: '"c"' } })
        : server(input, init)) as typeof fetch;
    const queue = new DownloadQueue(db, serveAll);
    const lesson = record();
    await queue.enqueue({ ...lesson, files: [...lesson.files, ...captions] });
    expect(await settle(queue, ['complete', 'error'])).toBe('error');
    expect(queue.get('c/l')?.record.error?.code).toBe('quota');
    expect(await db.files.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  it('keeps an outdated copy playing while its update downloads, then swaps the new one in', async () => {
    const db = new MediaDb(`queue-${crypto.randomUUID()}`);
    const republished = Uint8Array.from({ length: 400_000 }, (_, i) => (i * 7) % 256);
    const newSha = createHash('sha256').update(republished).digest('hex');
    let version = 1;
    let releaseUpdate: () => void = () => undefined;
    const updateMayFinish = new Promise<void>((resolve) => (releaseUpdate = resolve));
    const versioned = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (version === 1) return server(input, init);
      await updateMayFinish;
      return new Response(republished, {
        headers: { 'Content-Length': String(republished.length), ETag: '"v2"' },
      });
    }) as typeof fetch;
    const queue = new DownloadQueue(db, versioned);
    const store = createMediaStore(db);
    const firstBytes = async () => {
      const file = await store.servable(url);
      if (file?.id === undefined) return undefined;
      for await (const part of store.read(file.id, 0, 4)) return [...part.subarray(0, 4)];
      return undefined;
    };
    await queue.enqueue(record());
    expect(await settle(queue, ['complete', 'error'])).toBe('complete');

    await queue.markOutdated('c/l');
    expect(queue.get('c/l')?.record.state).toBe('outdated');
    expect(await firstBytes(), 'the old copy still plays').toEqual([...body.subarray(0, 4)]);

    version = 2;
    const update = { ...record(newSha), signature: 's2', bytesTotal: republished.length };
    update.files = update.files.map((file) => ({ ...file, bytes: republished.length }));
    await queue.enqueue(update);
    expect(await settle(queue, ['downloading'])).toBe('downloading');
    expect(await firstBytes(), 'still the old copy while the update is under way').toEqual([
      ...body.subarray(0, 4),
    ]);
    releaseUpdate();
    expect(await settle(queue, ['complete', 'error'])).toBe('complete');
    expect(await firstBytes()).toEqual([...republished.subarray(0, 4)]);
    expect(await db.files.count(), 'the old copy is gone').toBe(1);
  });
});
