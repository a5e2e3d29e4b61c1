/** Cross-tab news about the outbox, on BroadcastChannel('runtut'). */
export const SYNC_CHANNEL = 'runtut';

export type OutboxNews = { type: 'local-write' } | { type: 'outbox-changed' };

let announcer: BroadcastChannel | undefined;

export function openChannel(name = SYNC_CHANNEL): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  // Node keeps the process alive while a channel is open; browsers have no unref.
  (channel as { unref?: () => void }).unref?.();
  return channel;
}

/**
 * Tell every sync loop of this origin (this tab's too) that events were written, so their
 * "waiting to send N" is current. The UI calls it after each progress save.
 */
export function announceLocalWrite(): void {
  announcer ??= openChannel();
  announcer?.postMessage({ type: 'local-write' } satisfies OutboxNews);
}

export function isOutboxNews(data: unknown): data is OutboxNews {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'local-write' || type === 'outbox-changed';
}
