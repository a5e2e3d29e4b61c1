/** "tabungan   360p  [##########..........]  50%" — one line per lesson, redrawn in place. */
export function progressLine(label: string, step: string, share: number, width = 24): string {
  const clamped = Math.min(1, Math.max(0, share));
  const filled = Math.round(clamped * width);
  const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
  return `${label}  ${step.padEnd(4)}  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}`;
}

export interface ProgressView {
  update(step: string, share: number): void;
  done(note: string): void;
}

/** On a terminal the line is redrawn; in a log, a line is printed at each quarter. */
export function progressView(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressView {
  const tty = stream.isTTY === true;
  let lastQuarter = -1;
  return {
    update(step, share) {
      if (tty) stream.write(`\r${progressLine(label, step, share)}`);
      else {
        const quarter = Math.floor(share * 4);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          stream.write(`${progressLine(label, step, share)}\n`);
        }
      }
    },
    done(note) {
      stream.write(`${tty ? '\r\x1b[2K' : ''}${label}  ${note}\n`);
    },
  };
}
