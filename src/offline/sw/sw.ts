/**
 * Runtut's service worker. It keeps the app shell (precached by Workbox, so the player opens with
 * no network), the course manifests (network first), and routes the player's media requests to
 * the media store (src/offline). It is thin on purpose: it asks the store, and decides no rules.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { mediaDb } from '../media-db.ts';
import { createMediaStore } from '../media-store.ts';
import { evictPlaybackCache } from '../playback-cache.ts';
import { createUsageMeter } from '../usage-meter.ts';
import { answerMedia, type MediaDeps } from './answer-media.ts';
import { answerPlaylist } from './answer-playlist.ts';
import { createBornControlledPages } from './born-controlled-pages.ts';
import { isMediaRequest, isPlaylist, meterPlugin } from './media-routes.ts';

declare const self: {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  skipWaiting(): Promise<void>;
  clients: { matchAll(options: { includeUncontrolled: boolean }): Promise<{ id: string }[]> };
  addEventListener(type: 'fetch', listener: (event: PageFetchEvent) => void): void;
};

/** The parts of a service worker's FetchEvent this worker reads. */
interface PageFetchEvent {
  request: Request;
  clientId: string;
  resultingClientId: string;
}

const db = mediaDb();
const bornControlled = createBornControlledPages(db, async () =>
  (await self.clients.matchAll({ includeUncontrolled: true })).map((client) => client.id),
);
// Every navigation in scope, the embed page's too: the page it makes is controlled from its start.
// Registered before Workbox's routes: registered after them, it missed the navigations they
// answer in Chromium 156 (seen in the re-watch browser test).
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate')
    void bornControlled.noteNavigation(event.resultingClientId);
});

void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const meter = createUsageMeter(db);
let evicting: ReturnType<typeof setTimeout> | null = null;
const deps: MediaDeps = {
  store: createMediaStore(db),
  keepPlayed: true,
  meter,
  fetch: (request) => fetch(request),
  stored() {
    evicting ??= setTimeout(() => {
      evicting = null;
      void navigator.storage
        .estimate()
        .then((estimate) => evictPlaybackCache(db, estimate.quota))
        .catch(() => undefined);
    }, 2000);
  },
};

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // The console (its own build) and the embed page (its own frame-ancestors header) always
    // come from the server.
    denylist: [/^\/api\//, /^\/console/, /^\/embed\//],
  }),
);
registerRoute(
  ({ url }) => url.pathname.endsWith('/course.json'),
  new NetworkFirst({
    cacheName: 'runtut-manifests',
    networkTimeoutSeconds: 4,
    plugins: [meterPlugin(meter)],
  }),
);
registerRoute(
  ({ url }) => url.pathname.startsWith('/assets/'),
  new CacheFirst({
    cacheName: 'runtut-assets',
    plugins: [new ExpirationPlugin({ maxEntries: 30 }) as WorkboxPlugin, meterPlugin(meter)],
  }),
);
registerRoute(
  ({ request, url }) => isMediaRequest(request, url) && isPlaylist(url),
  ({ request }) => answerPlaylist(request, deps),
);
registerRoute(
  ({ request, url }) => isMediaRequest(request, url),
  async ({ request, event }) =>
    answerMedia(
      request,
      deps,
      await bornControlled.includes((event as unknown as PageFetchEvent).clientId),
    ),
);
