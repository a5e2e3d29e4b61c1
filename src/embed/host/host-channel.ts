import { EMBED_PROTOCOL_VERSION, RESIZE_MESSAGE } from '../../domain/embed-protocol.ts';

export type Listener = (data: unknown) => void;

export class RuntutRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuntutRequestError';
  }
}

const CALL_TIMEOUT_MS = 15_000;

/**
 * The host page's end of the protocol (after Vimeo player.js `postmessage.js`): one listener
 * that reads a message only if it comes from THIS frame's window on the Runtut origin, and one
 * sender that pins that origin. Calls are answered by id; events go to `on()` listeners.
 */
export function openHostChannel(frame: HTMLIFrameElement, runtutOrigin: string) {
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, { resolve: Listener; reject: (error: Error) => void }>();
  let nextId = 1;

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== runtutOrigin || event.source !== frame.contentWindow) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || data.runtut !== EMBED_PROTOCOL_VERSION) return;
    if (typeof data.id === 'number') {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      const error = data.error as { code?: string; message?: string } | undefined;
      if (error) call.reject(new RuntutRequestError(error.code ?? 'error', error.message ?? ''));
      else call.resolve(data.result);
      return;
    }
    if (typeof data.event !== 'string') return;
    if (data.event === RESIZE_MESSAGE) {
      const height = (data.data as { height?: unknown } | null)?.height;
      if (typeof height === 'number' && height > 0) frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
    for (const listener of listeners.get(data.event) ?? []) listener(data.data);
  };
  window.addEventListener('message', onMessage);

  return {
    call(method: string, params?: Record<string, unknown>): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new RuntutRequestError('timeout', `${method} was not answered`));
        }, CALL_TIMEOUT_MS);
        pending.set(id, {
          resolve: (value) => (clearTimeout(timer), resolve(value)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        frame.contentWindow?.postMessage(
          { runtut: EMBED_PROTOCOL_VERSION, id, method, params: params ?? {} },
          runtutOrigin,
        );
      });
    },
    on(event: string, listener: Listener): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close(): void {
      window.removeEventListener('message', onMessage);
      for (const call of pending.values()) call.reject(new RuntutRequestError('closed', 'closed'));
      pending.clear();
    },
  };
}
