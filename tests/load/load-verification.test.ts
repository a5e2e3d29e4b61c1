import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD } from '../../src/load/load-options.ts';
import { printReport } from '../../src/load/print-report.ts';
import { runLoad } from '../../src/load/run-load.ts';
import { spawnServer } from '../../src/load/spawn-server.ts';
import { freshDatabase } from './support/load-database.ts';

describe('the load generator against two server processes on PostgreSQL', () => {
  it('credits every simulated participant exactly what it played', async () => {
    const database = await freshDatabase();
    const server = await spawnServer({ DATABASE_URL: database.url, WORKERS: '2' });
    try {
      const report = await runLoad(
        {
          ...DEFAULT_LOAD,
          url: server.url,
          participants: 300,
          minutes: 0.1,
          // Heavier than the defaults, so a short run still resends and bursts.
          lostReplyShare: 0.1,
          doubleSendShare: 0.1,
          databaseUrl: database.url,
          drainSeconds: 90,
        },
        [],
        () => undefined,
      );
      console.log(printReport(report).join('\n'));
      expect(report.duplicatesAnswered).toBeGreaterThan(0);
      expect(report.verification.mismatches).toEqual([]);
      expect(report.verification.database).toEqual({
        storedEventsMismatch: 0,
        creditedTotalMismatch: 0,
      });
      expect(report.verification.exact).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
