import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DownloadQueue } from '../../src/offline/download-queue.ts';
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
});
