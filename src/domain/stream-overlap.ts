/**
 * One person cannot watch two things at once. Each credited event occupies a window of its
 * device's clock, [deviceTime - elapsed, deviceTime]; credit another stream (another device, or
 * another lesson on the same device) earned inside that window is time this event cannot also
 * have spent watching. Device clocks can be wrong, so this is a heuristic: see
 * docs/server-checks.md.
 */
export interface CreditWindow {
  deviceId: string;
  /** Course and lesson, e.g. "course/lesson". */
  lessonKey: string;
  startMs: number;
  endMs: number;
  creditedSeconds: number;
}

export interface OverlapCredit {
  otherDevice: number;
  otherLesson: number;
}

/**
 * Credit from other streams that falls inside `window`, assuming each stream earned its credit
 * evenly across its own window (a long window with little credit is mostly a pause).
 */
export function overlappingCredit(
  window: Omit<CreditWindow, 'creditedSeconds'>,
  others: readonly CreditWindow[],
): OverlapCredit {
  const out: OverlapCredit = { otherDevice: 0, otherLesson: 0 };
  for (const other of others) {
    // Cheap numeric tests first: almost every earlier window lies outside this one.
    if (
      other.endMs <= window.startMs ||
      other.startMs >= window.endMs ||
      other.creditedSeconds <= 0
    )
      continue;
    const sameDevice = other.deviceId === window.deviceId;
    if (sameDevice && other.lessonKey === window.lessonKey) continue;
    const length = other.endMs - other.startMs;
    if (length <= 0) continue;
    const shared = Math.min(window.endMs, other.endMs) - Math.max(window.startMs, other.startMs);
    const share = (other.creditedSeconds * shared) / length;
    if (sameDevice) out.otherLesson += share;
    else out.otherDevice += share;
  }
  return out;
}
