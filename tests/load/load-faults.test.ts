import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD } from '../../src/load/load-options.ts';
import { sleep } from '../../src/load/load-http.ts';
import { printReport } from '../../src/load/print-report.ts';
import { runLoad } from '../../src/load/run-load.ts';
import { spawnServer } from '../../src/load/spawn-server.ts';
import { startStallableProxy } from '../../src/load/stallable-proxy.ts';
import { freshDatabase, throughPort } from './support/load-database.ts';

const run = promisify(execFile);

describe('faults under load: kill -9 of a worker, a PostgreSQL restart, a stalled database link', () => {
  it('loses and doubles nothing: every participant is credited exactly', async () => {
    const restart = process.env.DATABASE_TEST_RESTART;
    if (!restart) throw new Error('needs scripts/with-postgres.sh (DATABASE_TEST_RESTART)');
    const database = await freshDatabase();
    const proxy = await startStallableProxy({ host: database.host, port: database.port });
    const server = await spawnServer({
      DATABASE_URL: throughPort(database.url, proxy.port),
      WORKERS: '2',
      // Short, so a stalled link turns into 503s (and retries) within the run.
      PG_STATEMENT_TIMEOUT_MS: '1500',
      PG_CONNECT_TIMEOUT_MS: '1500',
    });
    let killed = 0;
    try {
      const report = await runLoad(
        {
          ...DEFAULT_LOAD,
          url: server.url,
          participants: 150,
          minutes: 0.3,
          databaseUrl: database.url,
          drainSeconds: 120,
        },
        [
          {
            at: 0.15,
            name: 'kill -9 one worker',
            async run() {
              const [pid] = server.workerPids();
              if (pid) {
                process.kill(pid, 'SIGKILL');
                killed = pid;
              }
            },
          },
          { at: 0.4, name: 'restart PostgreSQL', run: () => run(restart).then(() => undefined) },
          {
            at: 0.7,
            name: 'stall the database link for 4 s',
            async run() {
              proxy.stall();
              await sleep(4_000);
              proxy.resume();
            },
          },
        ],
        () => undefined,
      );
      console.log(printReport(report).join('\n'));
      expect(killed).toBeGreaterThan(0);
      // The cluster replaced the killed worker.
      expect(server.workerPids()).not.toContain(killed);
      expect(server.workerPids().length).toBeGreaterThanOrEqual(2);
      // The faults were felt: some requests failed and were retried.
      expect(report.errors).toBeGreaterThan(0);
      expect(report.verification.mismatches).toEqual([]);
      expect(report.verification.database).toEqual({
        storedEventsMismatch: 0,
        creditedTotalMismatch: 0,
      });
      expect(report.verification.exact).toBe(true);
    } finally {
      await server.stop();
      await proxy.close();
    }
  });
});
