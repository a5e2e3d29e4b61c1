import { Hono } from 'hono';
import type { Database } from '../db/database.ts';

/** Liveness: the process answers. Readiness (database, migrations) is GET /api/v1/ready. */
export function healthRoutes(db: Database) {
  return new Hono().get('/api/v1/health', (c) => c.json({ ok: true, database: db.kind }));
}
