import { Hono } from 'hono';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ingestBatch } from '../ingest/ingest-batch.ts';
import { parseBatchBody } from '../ingest/parse-batch.ts';
import type { ServerMetrics } from '../observability/server-metrics.ts';

export function eventRoutes(db: Database, config: ServerConfig, metrics?: ServerMetrics) {
  return new Hono<AppEnv>().post('/api/v1/events', async (c) => {
    const batch = parseBatchBody(await c.req.text());
    if (!batch.ok) return apiError(c, 400, batch.code);
    const reply = await ingestBatch(db, config.courses, c.var.identity, batch.inputs, config.now());
    metrics?.countIngest(reply.results);
    return c.json(reply);
  });
}
