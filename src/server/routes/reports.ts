import { Hono } from 'hono';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { consoleSessionRoutes } from '../reports/console-session.ts';
import { createKeyAttempts } from '../reports/key-attempts.ts';
import { reportApiRoutes } from '../reports/report-routes.ts';

/**
 * Provider reports (src/server/reports/): the report API and the console's sign-in, sharing one
 * count of wrong keys per address.
 */
export function reportRoutes(db: Database, config: ServerConfig) {
  const attempts = createKeyAttempts();
  return new Hono()
    .route('/', consoleSessionRoutes(db, config, attempts))
    .route('/', reportApiRoutes(db, config, attempts));
}
