import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by a process tree, from /proc (Linux). On a shared machine latency depends on
 * what else runs, but CPU time per request does not: it gives a per-core capacity that the
 * machine's load average cannot distort (docs/deployment.md, "Capacity").
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: fields start after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** The root and every process below it, now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const info = stat(pid);
    if (!info) continue;
    children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU seconds of the processes alive under `root` (processes that already exited are not counted). */
export function treeCpuSeconds(root: number): Map<number, number> {
  return new Map(processTree(root).map((pid) => [pid, (stat(pid)?.ticks ?? 0) / TICKS_PER_SECOND]));
}

/** CPU seconds spent between two readings by processes present in the second. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, total] of after) seconds += total - (before.get(pid) ?? 0);
  return seconds;
}
