import { Hono } from 'hono';
import type { Database } from '../db/database.ts';

export function healthRoutes(db: Database) {
  return new Hono().get('/api/v1/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, database: db.kind });
  });
}
