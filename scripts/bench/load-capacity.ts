import { loadavg, cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOAD } from '../../src/load/load-options.ts';
import { cpuBetween, treeCpuSeconds } from '../../src/load/process-cpu.ts';
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
  /** CPU seconds per second of media played: API processes, PostgreSQL. */
  cpu: { api: number; db: number };
}

/** The throwaway PostgreSQL's server process (scripts/with-postgres.sh exports its data dir). */
function postgresPid(): number {
  const dir = process.env.PG_TEST_DATA_DIR;
  if (!dir) return 0;
  return Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

const held = (report: LoadReport) =>
  report.latencyMs.p99 < P99_LIMIT_MS && report.errors === 0 && report.verification.exact;

async function capacity(workers: number, minutes: number, log: (line: string) => void) {
  const database = await freshDatabase();
  const server = await spawnServer({ DATABASE_URL: database.url, WORKERS: String(workers) });
  const steps: Step[] = [];
  const pg = postgresPid();
  const step = async (participants: number, eventIntervalSeconds = 2) => {
    const before = { api: treeCpuSeconds(server.pid), db: treeCpuSeconds(pg) };
    const report = await runLoad(
      {
        ...DEFAULT_LOAD,
        url: server.url,
        participants,
        minutes,
        eventIntervalSeconds,
        databaseUrl: database.url,
      },
      [],
      () => undefined,
    );
    const played = Math.max(1, report.playedSeconds);
    const cpu = {
      api: cpuBetween(before.api, treeCpuSeconds(server.pid)) / played,
      db: pg ? cpuBetween(before.db, treeCpuSeconds(pg)) / played : 0,
    };
    const result = { participants, report, held: held(report), cpu };
    steps.push(result);
    log(
      `  ${workers} process(es), ${participants} participants: p99 ${report.latencyMs.p99.toFixed(0)} ms, ${report.requestsPerSecond.toFixed(0)} req/s, errors ${report.errors}, credit ${report.verification.exact ? 'exact' : 'WRONG'}, CPU ms per played second: API ${(cpu.api * 1000).toFixed(2)} + DB ${(cpu.db * 1000).toFixed(2)} -> ${result.held ? 'held' : 'not held'}`,
    );
    return result.held;
  };
  try {
    let low = 0;
    let high = 0;
    for (let n = 25; n <= 6400; n *= 2) {
      if (await step(n)) low = n;
      else {
        high = n;
        break;
      }
    }
    // Two halvings between the last size held and the first not held.
    for (let i = 0; i < 2 && high > 0 && high - low > 10; i += 1) {
      const middle = Math.round((low + high) / 2 / 5) * 5;
      if (await step(middle)) low = middle;
      else high = middle;
    }
    // The client as it is today sends a progress event every 10 s: the largest size held again.
    const latency = [...steps];
    await step(Math.max(low, 25), 10);
    log('  (the step above ran with events every 10 s, as the player sends them today)');
    return { held: low, steps, cost2: costOf(latency), cost10: costOf(steps.slice(-1)) };
  } finally {
    await server.stop();
  }
}

/** CPU per played second of the step with the most participants (the best amortised). */
function costOf(steps: readonly Step[]): { api: number; db: number } {
  const best = [...steps].sort((a, b) => b.participants - a.participants)[0];
  return best?.cpu ?? { api: 0, db: 0 };
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
    const perCore = (cost: { api: number; db: number }) => 1 / Math.max(1e-9, cost.api + cost.db);
    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    lines.push(
      `held with 1 process:  ${one.held} participants (events every 2 s while playing)`,
      `held with 2 processes: ${two.held} participants; ratio 2/1 = ${one.held > 0 ? (two.held / one.held).toFixed(2) : 'n/a'}`,
      `machine: ${cores} cores, load average ${before.toFixed(1)} before, ${after.toFixed(1)} after (shared: the latency figures above are what was left of it)`,
      `CPU per played second (2 processes): events every 2 s: API ${(two.cost2.api * 1000).toFixed(2)} ms + DB ${(two.cost2.db * 1000).toFixed(2)} ms = ${fmt(perCore(two.cost2))} participants per busy core; every 10 s: API ${(two.cost10.api * 1000).toFixed(2)} ms + DB ${(two.cost10.db * 1000).toFixed(2)} ms = ${fmt(perCore(two.cost10))} per core`,
      `peak assumption: ${(PEAK_SHARE * 100).toFixed(0)}% of ${fmt(PROGRAMME)} playing at once = ${fmt(peak)}`,
      `cores for the peak at 60% utilisation: ${fmt(peak / perCore(two.cost2) / 0.6)} (2 s events), ${fmt(peak / perCore(two.cost10) / 0.6)} (10 s events, the player today)`,
    );
    return lines;
  },
};
