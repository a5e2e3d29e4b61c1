import { acceptsHostMessage } from '../../domain/embed-origins.ts';
import {
  EMBED_PROTOCOL_VERSION,
  parseHostRequest,
  type EmbedEvent,
  type HostRequest,
  type RESIZE_MESSAGE,
} from '../../domain/embed-protocol.ts';

export class RequestRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type RequestHandler = (request: HostRequest) => unknown;

/**
 * The frame's end of the protocol (after Vimeo player.js `postmessage.js`): ONE listener that
 * checks who sent a message before reading it — the frame's own parent window, on an origin the
 * provider allows — and ONE sender that always names the host's origin as the target, so no
 * other page that might replace the parent ever receives progress.
 */
export function openFrameChannel(options: {
  hostOrigin: string;
  allowedOrigins: readonly string[];
  handle: RequestHandler;
}) {
  const { hostOrigin, allowedOrigins, handle } = options;
  const post = (message: Record<string, unknown>) =>
    window.parent.postMessage({ runtut: EMBED_PROTOCOL_VERSION, ...message }, hostOrigin);

  // QA contract: how many messages were ignored or refused (tests wait on it, not on a timer).
  let ignored = 0;
  const ignore = () => {
    ignored += 1;
    document.documentElement.dataset.embedIgnored = String(ignored);
  };

  const onMessage = (event: MessageEvent) => {
    const sender = { origin: event.origin, fromParent: event.source === window.parent };
    if (!acceptsHostMessage(sender, allowedOrigins)) return ignore();
    const parsed = parseHostRequest(event.data);
    if (!parsed.ok) {
      ignore();
      if (parsed.id !== undefined)
        post({ id: parsed.id, error: { code: parsed.reason, message: parsed.reason } });
      return;
    }
    Promise.resolve()
      .then(() => handle(parsed.request))
      .then(
        (result) => post({ id: parsed.id, result: result ?? null }),
        (error: unknown) => {
          ignore();
          post({
            id: parsed.id,
            error:
              error instanceof RequestRefused
                ? { code: error.code, message: error.message }
                : { code: 'internal-error', message: String(error) },
          });
        },
      );
  };
  window.addEventListener('message', onMessage);

  return {
    emit(event: EmbedEvent | typeof RESIZE_MESSAGE, data: unknown): void {
      post({ event, data });
    },
    close(): void {
      window.removeEventListener('message', onMessage);
    },
  };
}

export type FrameChannel = ReturnType<typeof openFrameChannel>;
