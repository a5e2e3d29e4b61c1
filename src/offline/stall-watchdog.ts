/**
 * A lost signal often neither closes the connection nor flips `navigator.onLine`: the transfer
 * just stops. The watchdog gives network waits a deadline: its signal follows `outer` (a cancel)
 * and also aborts when one awaited network step (the response, the next chunk) takes longer than
 * `ms`. Time spent storing or hashing does not count: only waiting for the network does.
 */
export function stallWatchdog(outer: AbortSignal, ms: number) {
  const controller = new AbortController();
  let stalled = false;
  const follow = () => controller.abort(outer.reason);
  if (outer.aborted) follow();
  else outer.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    /** Awaits one network step, aborting the transfer when it takes longer than `ms`. */
    async network<T>(step: Promise<T>): Promise<T> {
      const timer = setTimeout(() => {
        stalled = true;
        controller.abort(new DOMException(`no data for ${ms} ms`, 'AbortError'));
      }, ms);
      try {
        return await step;
      } finally {
        clearTimeout(timer);
      }
    },
    /** The transfer stopped because the network went silent (not because it was cancelled). */
    stalled: () => stalled && !outer.aborted,
    stop: () => outer.removeEventListener('abort', follow),
  };
}
