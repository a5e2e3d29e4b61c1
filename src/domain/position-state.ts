/** The browser moves the lock-screen position on its own; a fresh state is sent this often. */
const POSITION_REFRESH_MS = 5000;

export interface SentPosition {
  at: number;
  duration: number;
  position: number;
  playbackRate: number;
}

/**
 * Whether the lock screen needs a new position state: the browser extrapolates it from the last
 * one, so only a change of length or rate, a jump (seek, pause, stall), or age calls for one.
 */
export function positionStateIsStale(
  sent: SentPosition | null,
  next: SentPosition,
  refreshMs = POSITION_REFRESH_MS,
): boolean {
  if (!sent) return true;
  if (sent.duration !== next.duration || sent.playbackRate !== next.playbackRate) return true;
  const elapsed = next.at - sent.at;
  if (elapsed >= refreshMs || elapsed < 0) return true;
  const expected = sent.position + (elapsed / 1000) * sent.playbackRate;
  return Math.abs(next.position - expected) > 1;
}
