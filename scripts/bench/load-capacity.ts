import { loadavg, cpus } from 'node:os';
import { DEFAULT_LOAD } from '../../src/load/load-options.ts';
import { runLoad, type LoadReport } from '../../src/load/run-load.ts';
import { spawnServer } from '../../src/load/spawn-server.ts';
import { freshDatabase } from '../../tests/load/support/load-database.ts';
import type { BenchSection } from './section.ts';

/**
 * The most simulated participants one machine holds with p99 < 500 ms and no errors, with 1 and
 * with 2 server processes on PostgreSQL (same machine), and the machines the programme's peak
 * needs. Each step is a real-time run (BENCH_LOAD_MINUTES, default 0.5) of `npm run load`'s
 * generator, credit check included. The generator shares the machine's cores with the server.
 */
const P99_LIMIT_MS = 500;
const PROGRAMME = 1_148_000;
const PEAK_SHARE = 0.15;

interface Step {
  participants: number;
  report: LoadReport;
  held: boolean;
}

const held = (report: LoadReport) =>
  report.latencyMs.p99 < P99_LIMIT_MS && report.errors === 0 && report.verification.exact;

async function capacity(workers: number, minutes: number, log: (line: string) => void) {
  const database = await freshDatabase();
  const server = await spawnServer({ DATABASE_URL: database.url, WORKERS: String(workers) });
  const steps: Step[] = [];
  const step = async (participants: number) => {
    const report = await runLoad(
      { ...DEFAULT_LOAD, url: server.url, participants, minutes, databaseUrl: database.url },
      [],
      () => undefined,
    );
    const result = { participants, report, held: held(report) };
    steps.push(result);
    log(
      `  ${workers} process(es), ${participants} participants: p99 ${report.latencyMs.p99.toFixed(0)} ms, ${report.requestsPerSecond.toFixed(0)} req/s, errors ${report.errors}, credit ${report.verification.exact ? 'exact' : 'WRONG'} -> ${result.held ? 'held' : 'not held'}`,
    );
    return result.held;
  };
  try {
    let low = 0;
    let high = 0;
    for (let n = 100; n <= 6400; n *= 2) {
      if (await step(n)) low = n;
      else {
        high = n;
        break;
      }
    }
    // Two halvings between the last size held and the first not held.
    for (let i = 0; i < 2 && high > 0 && high - low > 50; i += 1) {
      const middle = Math.round((low + high) / 2 / 10) * 10;
      if (await step(middle)) low = middle;
      else high = middle;
    }
    return { held: low, steps };
  } finally {
    await server.stop();
  }
}

export const loadCapacitySection: BenchSection = {
  title: 'load capacity (simulated participants, PostgreSQL, p99 < 500 ms, no errors)',
  async run() {
    if (!process.env.DATABASE_URL_TEST)
      return ['skipped: needs PostgreSQL (run: scripts/with-postgres.sh npm run bench)'];
    const minutes = Number(process.env.BENCH_LOAD_MINUTES ?? 0.5);
    const lines: string[] = [];
    const log = (line: string) => {
      lines.push(line);
      process.stderr.write(`${line}\n`);
    };
    const before = loadavg()[0] ?? 0;
    const one = await capacity(1, minutes, log);
    const two = await capacity(2, minutes, log);
    const after = loadavg()[0] ?? 0;
    const peak = PROGRAMME * PEAK_SHARE;
    const cores = cpus().length;
    const perMachine = Math.max(two.held, one.held);
    lines.push(
      `held with 1 process:  ${one.held} participants (events every ${DEFAULT_LOAD.eventIntervalSeconds} s while playing)`,
      `held with 2 processes: ${two.held} participants; ratio 2/1 = ${one.held > 0 ? (two.held / one.held).toFixed(2) : 'n/a'}`,
      `machine: ${cores} cores, load average ${before.toFixed(1)} before, ${after.toFixed(1)} after (shared machine: other work competes)`,
      `peak assumption: ${(PEAK_SHARE * 100).toFixed(0)}% of ${PROGRAMME.toLocaleString('en')} playing at once = ${Math.round(peak).toLocaleString('en')}`,
      perMachine > 0
        ? `machines like this one (API + PostgreSQL + load generator on ${cores} cores): ${Math.ceil(peak / perMachine)} at 2 s events, ${Math.ceil(peak / (perMachine * 5))} at the client's 10 s events`
        : 'machines: not derived (no size was held)',
    );
    return lines;
  },
};
