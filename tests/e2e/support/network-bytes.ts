import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Body bytes the page received from the network for URLs matching `pattern`, from CDP network
 * events (`Network.dataReceived`), interrupted transfers included.
 */
export async function countPageBytes(
  page: Page,
  pattern: RegExp,
): Promise<{ total(): number; session: CDPSession }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  const matching = new Set<string>();
  let total = 0;
  session.on('Network.requestWillBeSent', (event) => {
    if (pattern.test(event.request.url)) matching.add(event.requestId);
  });
  session.on('Network.responseReceived', (event) => {
    if (event.response.fromServiceWorker) matching.delete(event.requestId);
  });
  session.on('Network.dataReceived', (event) => {
    if (matching.has(event.requestId)) total += event.dataLength;
  });
  return { total: () => total, session };
}

/**
 * Media requests that reached the network from the page or from the service worker (Chromium
 * reports the worker's own fetches too); requests the worker answered itself are not counted.
 */
export function recordNetworkMedia(context: BrowserContext, pattern: RegExp): string[] {
  const seen: string[] = [];
  context.on('requestfinished', (request) => {
    if (!pattern.test(request.url())) return;
    void request.response().then((response) => {
      if (request.serviceWorker() || !response?.fromServiceWorker()) seen.push(request.url());
    });
  });
  return seen;
}
