import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MediaDb } from '../../src/offline/media-db.ts';
import { createMediaStore } from '../../src/offline/media-store.ts';
import { answerMedia, type MediaDeps } from '../../src/offline/sw/answer-media.ts';
import { createBornControlledPages } from '../../src/offline/sw/born-controlled-pages.ts';
import { createUsageMeter } from '../../src/offline/usage-meter.ts';

const freshDb = () => new MediaDb(`media-test-${crypto.randomUUID()}`);
const url = 'https://cdn.example/lesson.mp4';
const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 13) % 251);

/** A media server answering `Range` like ours; it records every response it gave. */
function mediaServer() {
  const given: Response[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const range = /bytes=(\d+)-(\d*)/.exec(request.headers.get('range') ?? '');
    const start = Number(range?.[1] ?? 0);
    const end = range?.[2] ? Number(range[2]) : data.length - 1;
    const response = range
      ? new Response(data.slice(start, end + 1), {
          status: 206,
          headers: {
            'Content-Range': `bytes ${start}-${end}/${data.length}`,
            'Last-Modified': 'Tue, 01 Dec 2026 08:00:00 GMT',
          },
        })
      : new Response(data, { headers: { 'Content-Length': String(data.length) } });
    given.push(response);
    return response;
  };
  return { given, fetch };
}

function depsFor(db: MediaDb, fetch: MediaDeps['fetch']): MediaDeps {
  return {
    store: createMediaStore(db),
    meter: createUsageMeter(db),
    fetch,
    stored: () => undefined,
    keepPlayed: true,
  };
}

const ranged = (range: string) => new Request(url, { headers: { Range: range } });

describe('answerMedia for a page the worker took over mid-life', () => {
  it('passes on the network’s own response, keeping nothing', async () => {
    // Chromium fails a media element that gets a constructed response after native ones.
    const db = freshDb();
    const server = mediaServer();
    const answer = await answerMedia(ranged('bytes=65536-'), depsFor(db, server.fetch), false);
    expect(answer).toBe(server.given[0]);
    await answer.arrayBuffer();
    expect(await db.files.count()).toBe(0);
  });

  it('is answered from the store when the network is gone', async () => {
    const db = freshDb();
    const kept = await answerMedia(ranged('bytes=0-'), depsFor(db, mediaServer().fetch));
    await kept.arrayBuffer();
    const offline = depsFor(db, () => Promise.reject(new TypeError('offline')));
    const answer = await answerMedia(ranged('bytes=100-199'), offline, false);
    expect(answer.status).toBe(206);
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(data.slice(100, 200));
  });
});

describe('answerMedia for two range requests of one new file at once', () => {
  it('keeps both in one record, which ends complete', async () => {
    const db = freshDb();
    const deps = depsFor(db, mediaServer().fetch);
    const [head, tail] = await Promise.all([
      answerMedia(ranged('bytes=0-199999'), deps),
      answerMedia(ranged('bytes=200000-'), deps),
    ]);
    await Promise.all([head.arrayBuffer(), tail.arrayBuffer()]);
    const files = await db.files.where('url').equals(url).toArray();
    expect(files.map((file) => [file.spans, file.complete])).toEqual([[[[0, 300_000]], true]]);
  });
});

describe('born-controlled pages', () => {
  it('knows a page whose navigation it saw, and still knows it after a worker restart', async () => {
    const db = freshDb();
    const open = async () => ['page-a', 'page-b'];
    const pages = createBornControlledPages(db, open);
    await pages.noteNavigation('page-a');
    expect(await pages.includes('page-a')).toBe(true);
    expect(await pages.includes('page-b')).toBe(false);
    const restarted = createBornControlledPages(db, open);
    expect(await restarted.includes('page-a')).toBe(true);
    expect(await restarted.includes('page-b')).toBe(false);
  });

  it('forgets pages that are no longer open when a worker starts', async () => {
    const db = freshDb();
    await createBornControlledPages(db, async () => ['page-a']).noteNavigation('page-a');
    const later = createBornControlledPages(db, async () => ['page-c']);
    await later.noteNavigation('page-c');
    expect(await db.meta.get('born-controlled-pages')).toEqual({
      key: 'born-controlled-pages',
      value: ['page-c'],
    });
  });
});
