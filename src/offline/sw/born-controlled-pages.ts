import type { MediaDb } from '../media-db.ts';

/**
 * Which pages the worker may answer media for with responses of its own (stored bytes, or
 * network bytes kept as they stream, both `new Response(...)`).
 *
 * Chromium's media loader refuses to mix, for one media URL in one page, bytes of responses a
 * worker constructed with bytes of native network responses (`UrlData::ValidateDataOrigin` in
 * Blink's `url_index.cc`: the first response fixes the "data origin", a constructed response has
 * none): the next range request then fails and the lesson stops with MEDIA_ERR_NETWORK. A page
 * that started before a worker controlled it (every first visit: the worker installs, then
 * `clients.claim()` takes the page over mid-lesson) may already hold native bytes of its lesson.
 * So only pages whose navigation a worker saw get the worker's own answers; every other page
 * gets the network's responses untouched for its whole life.
 *
 * The list is kept in runtut-media: a worker stopped while a lesson is paused and started again
 * by the next range request must decide the same for that page.
 */
export interface BornControlledPages {
  /**
   * A navigation the worker saw: the page it makes (`resultingClientId`) is born controlled.
   * Known at once; the promise is for the list being kept.
   */
  noteNavigation(resultingClientId: string): Promise<void>;
  /** Whether the page making a request (`clientId`) was born controlled. */
  includes(clientId: string): Promise<boolean>;
}

const KEY = 'born-controlled-pages';

export function createBornControlledPages(
  db: MediaDb,
  livePageIds: () => Promise<string[]>,
): BornControlledPages {
  let pages: Promise<Set<string>> | null = null;
  let saving: Promise<void> = Promise.resolve();
  // Read once per worker start, keeping only pages still open, so the list never grows.
  const load = () =>
    (pages ??= Promise.all([db.meta.get(KEY), livePageIds()])
      .then(([row, live]) => {
        const kept = Array.isArray(row?.value) ? (row.value as string[]) : [];
        const open = new Set(live);
        return new Set(kept.filter((id) => open.has(id)));
      })
      .catch(() => new Set<string>()));
  return {
    noteNavigation(resultingClientId) {
      if (resultingClientId === '') return saving;
      const noted = load().then((set) => set.add(resultingClientId));
      pages = noted;
      saving = saving
        .then(async () => {
          await db.meta.put({ key: KEY, value: [...(await noted)] });
        })
        .catch(() => undefined);
      return saving;
    },
    async includes(clientId) {
      return clientId !== '' && (await load()).has(clientId);
    },
  };
}
