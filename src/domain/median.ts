/**
 * The median of n sorted values sits at these zero-based positions: one for odd n, the two
 * middle ones (averaged) for even n. The server reads just those rows from an index with OFFSET
 * instead of sorting every finisher.
 */
export function medianPositions(count: number): number[] {
  if (count <= 0) return [];
  const lower = Math.floor((count - 1) / 2);
  return count % 2 === 1 ? [lower] : [lower, lower + 1];
}

/** Median of the values at `medianPositions`, or null when there are none. */
export function medianOfMiddle(middle: readonly number[]): number | null {
  if (middle.length === 0) return null;
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
}

export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return medianOfMiddle(medianPositions(sorted.length).map((index) => sorted[index] ?? 0));
}
