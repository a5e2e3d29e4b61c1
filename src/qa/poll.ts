export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `read` until `done` holds or `timeoutMs` passes; returns the last value read and
 * whether it held. Reads that throw (a page mid-navigation) count as not yet.
 */
export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<{ value: T | undefined; held: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let value: T | undefined;
  for (;;) {
    try {
      value = await read();
      if (done(value)) return { value, held: true };
    } catch {
      // not readable yet
    }
    if (Date.now() >= deadline) return { value, held: false };
    await sleep(intervalMs);
  }
}
