/**
 * ffmpeg's `-progress` output: blocks of key=value lines, each ending with `progress=continue`
 * or `progress=end`. Returns the share of `totalSeconds` done once a block ends, else undefined.
 */
export class ProgressReader {
  private seconds = 0;
  private buffer = '';

  constructor(private readonly totalSeconds: number) {}

  push(chunk: string): number[] {
    this.buffer += chunk;
    const lines = this.buffer.split('\n');
    this.buffer = lines.pop() ?? '';
    const shares: number[] = [];
    for (const line of lines) {
      const [key, value = ''] = line.trim().split('=', 2);
      if (key === 'out_time_us' || key === 'out_time_ms') {
        // Both keys are in microseconds (out_time_ms is misnamed in ffmpeg).
        const micros = Number(value);
        if (Number.isFinite(micros) && micros >= 0) this.seconds = micros / 1e6;
      } else if (key === 'progress') {
        shares.push(value === 'end' ? 1 : this.share());
      }
    }
    return shares;
  }

  private share(): number {
    if (this.totalSeconds <= 0) return 0;
    return Math.min(1, Math.max(0, this.seconds / this.totalSeconds));
  }
}
