/**
 * What the load generator measured: every request's latency and how it ended. Percentiles are
 * exact (all samples kept; a few hundred thousand numbers at most).
 */
export class LatencyStats {
  private samples: number[] = [];
  readonly outcomes = new Map<string, number>();
  count = 0;

  record(ms: number, outcome: string): void {
    this.samples.push(ms);
    this.count += 1;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  /** Requests that did not succeed: any status but 2xx, and requests with no answer. */
  get errors(): number {
    let errors = 0;
    for (const [outcome, n] of this.outcomes) if (!outcome.startsWith('2')) errors += n;
    return errors;
  }

  percentile(p: number, from = 0): number {
    const sorted = this.samples.slice(from).sort((a, b) => a - b);
    if (sorted.length === 0) return 0;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }

  /** A mark to compute percentiles of what came after it (progress lines). */
  get mark(): number {
    return this.samples.length;
  }
}
