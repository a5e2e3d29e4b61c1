/** Seeks may land this far (seconds) past the frontier, to absorb frame and timer rounding. */
export const SEEK_FRONTIER_SLACK = 0.25;

export interface SeekContext {
  /** Furthest point actually watched in this lesson (seconds). */
  frontier: number;
  /** A completed lesson is open for free review. */
  completed: boolean;
  duration: number;
}

/** Where a seek to `target` may land: back is always fine, forward only up to the frontier. */
export function clampSeek(target: number, context: SeekContext): number {
  const safeTarget = Number.isFinite(target) ? Math.max(0, target) : 0;
  const end = context.duration > 0 ? context.duration : Number.POSITIVE_INFINITY;
  if (context.completed) return Math.min(safeTarget, end);
  return Math.min(safeTarget, context.frontier, end);
}

export function isSeekAllowed(target: number, context: SeekContext): boolean {
  if (context.completed) return true;
  return target <= context.frontier + SEEK_FRONTIER_SLACK;
}
