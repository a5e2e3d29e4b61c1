/**
 * Whether a download fits on the device, decided before anything is fetched. The browser's
 * estimate is coarse and shared with the app's own data, so a margin stays free: progress and
 * the outbox must always have room.
 */
export interface StorageEstimateFacts {
  /** Bytes the origin may use (`navigator.storage.estimate().quota`), if known. */
  quota: number | undefined;
  /** Bytes it uses now. */
  usage: number | undefined;
}

/** Kept free for progress, the outbox and the app shell: 5 MB, or 2 % of the quota. */
export function reserveBytes(quota: number): number {
  return Math.max(5 * 1024 * 1024, Math.floor(quota * 0.02));
}

export type FitVerdict =
  { fits: true; spaceLeft: number | null } | { fits: false; spaceLeft: number; needed: number };

export function downloadFits(needed: number, estimate: StorageEstimateFacts): FitVerdict {
  if (estimate.quota === undefined) return { fits: true, spaceLeft: null };
  const spaceLeft = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  if (needed + reserveBytes(estimate.quota) > spaceLeft) return { fits: false, spaceLeft, needed };
  return { fits: true, spaceLeft };
}
