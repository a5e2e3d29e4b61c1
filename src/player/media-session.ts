import { positionStateIsStale, type SentPosition } from '../domain/position-state.ts';

export interface MediaSessionBridge {
  /** A seek request: it goes through the same gate as every other seek. */
  seek(target: number): void;
  position(): number;
  play(): void;
  pause(): void;
}

export interface MediaSessionHandle {
  updatePosition(state: { duration: number; position: number; playbackRate: number }): void;
  dispose(): void;
}

const DEFAULT_SKIP_SECONDS = 10;

/**
 * Lock-screen, headset and notification controls. Without handlers of our own the browser may
 * offer its own seeking; with them every action is a request to the gate. "Next track" would
 * be a skip, so it is accepted and ignored.
 */
export function installMediaSession(title: string, bridge: MediaSessionBridge): MediaSessionHandle {
  const session = typeof navigator === 'undefined' ? undefined : navigator.mediaSession;
  if (!session) return { updatePosition: () => {}, dispose: () => {} };

  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => bridge.play()],
    ['pause', () => bridge.pause()],
    ['seekto', (details) => bridge.seek(details.seekTime ?? bridge.position())],
    ['seekforward', (d) => bridge.seek(bridge.position() + (d.seekOffset ?? DEFAULT_SKIP_SECONDS))],
    [
      'seekbackward',
      (d) => bridge.seek(bridge.position() - (d.seekOffset ?? DEFAULT_SKIP_SECONDS)),
    ],
    ['previoustrack', () => bridge.seek(0)],
    ['nexttrack', () => {}],
  ];
  const installed: MediaSessionAction[] = [];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
      installed.push(action);
    } catch {
      // This browser does not know the action: nothing to guard.
    }
  }
  if (typeof MediaMetadata === 'function') session.metadata = new MediaMetadata({ title });

  let sent: SentPosition | null = null;
  return {
    updatePosition(state) {
      if (!(state.duration > 0) || !Number.isFinite(state.duration)) return;
      const next = {
        at: performance.now(),
        duration: state.duration,
        position: Math.min(Math.max(0, state.position), state.duration),
        playbackRate: state.playbackRate,
      };
      if (!positionStateIsStale(sent, next)) return;
      try {
        session.setPositionState({
          duration: next.duration,
          position: next.position,
          playbackRate: next.playbackRate,
        });
        sent = next;
      } catch {
        // An inconsistent state is dropped; the next progress report sends a fresh one.
      }
    },
    dispose() {
      for (const action of installed) {
        try {
          session.setActionHandler(action, null);
        } catch {
          // Already gone.
        }
      }
      session.metadata = null;
    },
  };
}
