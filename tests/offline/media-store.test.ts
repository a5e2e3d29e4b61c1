import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyFile, MediaDb, type StoredFile } from '../../src/offline/media-db.ts';
import { createMediaStore } from '../../src/offline/media-store.ts';
import { evictPlaybackCache, playbackCacheBytes } from '../../src/offline/playback-cache.ts';
import { answerMedia, type MediaDeps } from '../../src/offline/sw/answer-media.ts';
import { createUsageMeter } from '../../src/offline/usage-meter.ts';

const freshDb = () => new MediaDb(`media-test-${crypto.randomUUID()}`);
const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);

function newFile(url: string, size: number | null, extra: Partial<StoredFile> = {}) {
  return emptyFile(url, { size, contentType: 'video/mp4', lastUsed: 0, ...extra });
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: number[] = [];
  for await (const part of stream) parts.push(...part);
  return Uint8Array.from(parts);
}

describe('media store', () => {
  it('stores pieces as chunks, skips bytes it already has, and reads any range back', async () => {
    const db = freshDb();
    const store = createMediaStore(db);
    const data = bytes(1000);
    const file = await store.create(newFile('https://x/a.mp4', 1000));
    await store.write(file.id as number, 0, data.slice(0, 400));
    await store.write(file.id as number, 300, data.slice(300, 700));
    let now = await store.write(file.id as number, 600, data.slice(600, 1000), 400);
    expect(now.spans).toEqual([[0, 1000]]);
    expect(now.complete).toBe(true);
    expect(await db.chunks.count()).toBe(3);
    expect(await collect(store.read(file.id as number, 350, 650))).toEqual(data.slice(350, 650));
    expect(await collect(store.read(file.id as number, 0, 1000))).toEqual(data);
    now = (await db.files.get(file.id as number)) as StoredFile;
    expect(now.storedBytes).toBe(1000);
    expect((await db.usage.toArray())[0]?.bytes).toBe(400);
  });

  it('never serves a download still being written', async () => {
    const store = createMediaStore(freshDb());
    await store.create(newFile('https://x/b.mp4', 10, { staging: 1 }));
    expect(await store.servable('https://x/b.mp4')).toBeUndefined();
    expect(await store.staging('https://x/b.mp4')).toBeDefined();
  });

  it('evicts the least recently used cache file, never a pinned download', async () => {
    const db = freshDb();
    const store = createMediaStore(db);
    const mb = 1024 * 1024;
    const pinned = await store.create(
      newFile('https://x/p.mp4', mb, { pinned: true, lastUsed: 0 }),
    );
    await store.write(pinned.id as number, 0, bytes(mb));
    const old = await store.create(newFile('https://x/old.mp4', null, { lastUsed: 1 }));
    await db.files.update(old.id as number, { storedBytes: 40 * mb, lastUsed: 1 });
    const recent = await store.create(newFile('https://x/new.mp4', null));
    await db.files.update(recent.id as number, { storedBytes: 40 * mb, lastUsed: Date.now() });
    await evictPlaybackCache(db, 100 * mb); // budget: 50 MB
    expect((await db.files.toArray()).map((f) => f.url).sort()).toEqual([
      'https://x/new.mp4',
      'https://x/p.mp4',
    ]);
    expect(await playbackCacheBytes(db)).toBe(40 * mb);
  });
});

describe('answerMedia (the service worker’s media answer)', () => {
  const url = 'https://cdn.example/m.mp4';
  const data = bytes(300_000, 7);
  const served: string[] = [];
  const network = async (request: Request): Promise<Response> => {
    const range = /bytes=(\d+)-(\d*)/.exec(request.headers.get('range') ?? '');
    served.push(request.headers.get('range') ?? 'whole');
    if (!range) return new Response(data, { headers: { 'Content-Length': String(data.length) } });
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : data.length - 1;
    return new Response(data.slice(start, end + 1), {
      status: 206,
      headers: {
        'Content-Range': `bytes ${start}-${end}/${data.length}`,
        'Content-Type': 'video/mp4',
      },
    });
  };
  const depsFor = (db: MediaDb, fetch = network): MediaDeps => ({
    store: createMediaStore(db),
    meter: createUsageMeter(db),
    fetch,
    stored: () => undefined,
    keepPlayed: true,
  });

  it('keeps what playback fetched and answers the same range again with no network', async () => {
    const db = freshDb();
    served.length = 0;
    const first = await answerMedia(
      new Request(url, { headers: { Range: 'bytes=0-' } }),
      depsFor(db),
    );
    expect(first.status).toBe(206);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(data);
    const offline = depsFor(db, () => Promise.reject(new TypeError('offline')));
    const again = await answerMedia(
      new Request(url, { headers: { Range: 'bytes=1000-1999' } }),
      offline,
    );
    expect(again.status).toBe(206);
    expect(again.headers.get('content-range')).toBe(`bytes 1000-1999/${data.length}`);
    expect(again.headers.get('content-length')).toBe('1000');
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(data.slice(1000, 2000));
    const whole = await answerMedia(new Request(url), offline);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(data.length);
    expect(served).toEqual(['bytes=0-']);
  });

  it('answers a stored start from the store and fetches only the rest', async () => {
    const db = freshDb();
    served.length = 0;
    const part = await answerMedia(
      new Request(url, { headers: { Range: 'bytes=0-99999' } }),
      depsFor(db),
    );
    await part.arrayBuffer();
    const rest = await answerMedia(
      new Request(url, { headers: { Range: 'bytes=50000-' } }),
      depsFor(db),
    );
    expect(rest.headers.get('content-range')).toBe(`bytes 50000-299999/${data.length}`);
    expect(new Uint8Array(await rest.arrayBuffer())).toEqual(data.slice(50000));
    expect(served).toEqual(['bytes=0-99999', 'bytes=100000-299999']);
  });

  it('with keepPlayed off, passes playback to the network untouched and keeps nothing', async () => {
    const db = freshDb();
    served.length = 0;
    const deps = { ...depsFor(db), keepPlayed: false };
    const first = await answerMedia(new Request(url, { headers: { Range: 'bytes=0-' } }), deps);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(data);
    await answerMedia(new Request(url, { headers: { Range: 'bytes=0-' } }), deps);
    expect(served).toEqual(['bytes=0-', 'bytes=0-']);
    expect(await db.files.count()).toBe(0);
  });

  it('with keepPlayed off, still answers a downloaded file from the store', async () => {
    const db = freshDb();
    await (await answerMedia(new Request(url), depsFor(db))).arrayBuffer();
    served.length = 0;
    const offline = {
      ...depsFor(db, () => Promise.reject(new TypeError('offline'))),
      keepPlayed: false,
    };
    const again = await answerMedia(
      new Request(url, { headers: { Range: 'bytes=10-19' } }),
      offline,
    );
    expect(again.status).toBe(206);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(data.slice(10, 20));
    expect(served).toEqual([]);
  });

  it('refuses a range past the end of a stored file with 416', async () => {
    const db = freshDb();
    await (await answerMedia(new Request(url), depsFor(db))).arrayBuffer();
    const past = await answerMedia(
      new Request(url, { headers: { Range: 'bytes=999999-' } }),
      depsFor(db),
    );
    expect(past.status).toBe(416);
  });
});
