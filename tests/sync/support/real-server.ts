import { buildApp } from '../../../src/server/app.ts';
import type { ServerConfig } from '../../../src/server/config.ts';
import { loadCourseCatalog } from '../../../src/server/courses/course-catalog.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { openPgliteDatabase } from '../../../src/server/db/pglite-database.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import { FIXTURE_COURSES_DIR } from './viewing.ts';

export interface RealServer extends ServerUnderTest {
  /** Moves the server's clock on (it credits no more play than its own time allows). */
  advanceClock(ms: number): void;
  /** Seconds of play the server credited the participant, over all lessons. */
  creditedSeconds(participantId: string): Promise<number>;
}

/**
 * The real server app (src/server/app.ts) in demo mode, on the embedded PostgreSQL in memory,
 * serving the sync fixture course, with a server clock the test moves.
 */
export async function startRealServer(): Promise<RealServer> {
  const db = await openPgliteDatabase();
  await migrate(db);
  let nowMs = Date.parse('2025-06-01T00:00:00Z');
  const config: ServerConfig = {
    mode: 'demo',
    sessionSecret: 'sync-tests-session-secret-0123456789',
    corsOrigins: [],
    courses: await loadCourseCatalog(FIXTURE_COURSES_DIR),
    now: () => nowMs,
  };
  const app = buildApp({ db, config, log: (message) => console.error(message) });
  return {
    handle: async (request) => app.fetch(request),
    async storedEventIds(participantId) {
      const { rows } = await db.query<{ id: string }>(
        'SELECT id FROM events WHERE participant_id = $1 ORDER BY id',
        [participantId],
      );
      return rows.map((row) => row.id);
    },
    async creditedSeconds(participantId) {
      const { rows } = await db.query<{ credited_seconds: number }>(
        'SELECT credited_seconds FROM participants WHERE id = $1',
        [participantId],
      );
      return rows[0]?.credited_seconds ?? 0;
    },
    advanceClock(ms) {
      nowMs += ms;
    },
    close: () => db.close(),
  };
}
