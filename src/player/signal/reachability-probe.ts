/** A probe this slow counts as no signal (a silent link never answers at all). */
const PROBE_TIMEOUT_MS = 2500;

/**
 * Asks for one byte of the lesson's own media, past every cache: does the server answer now?
 * Costs a few hundred bytes of headers. A service worker that has the bytes may answer it, and
 * then the player can indeed go on.
 */
export async function mediaReachable(url: string): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      headers: { Range: 'bytes=0-0' },
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller.signal,
    });
    void response.body?.cancel().catch(() => {});
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
