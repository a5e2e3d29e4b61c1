import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { readMigrations } from '../db/migrate.ts';

/** Set by graceful shutdown: a draining process says "not ready" so the balancer stops sending. */
export interface Lifecycle {
  draining: boolean;
}

/**
 * GET /api/v1/ready: 200 only when the database answers and every migration this build ships is
 * applied, and the process is not shutting down. /api/v1/health stays "alive" (no database), so
 * an orchestrator restarts a hung process but not every process when the database blips.
 */
export function readinessRoutes(db: Database, lifecycle: Lifecycle) {
  const shipped = readMigrations().then((list) => list.map((migration) => migration.version));
  return new Hono().get('/api/v1/ready', async (c) => {
    if (lifecycle.draining)
      return c.json({ ready: false, reason: 'shutting-down', database: db.kind }, 503);
    const expected = await shipped;
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const missing = expected.filter((version) => !applied.has(version));
    if (missing.length > 0) {
      c.header('Retry-After', '5');
      return c.json(
        { ready: false, reason: 'migrations-pending', missing, database: db.kind },
        503,
      );
    }
    return c.json({ ready: true, database: db.kind, migrations: expected });
  });
}
