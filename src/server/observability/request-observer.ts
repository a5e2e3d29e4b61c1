import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Logger } from './json-logger.ts';
import { routeLabel } from './route-label.ts';
import type { ServerMetrics } from './server-metrics.ts';

/** A client's own X-Request-Id is kept when it looks like an id; else the server makes one. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Outermost middleware: gives each request an id (X-Request-Id, echoed on the response), logs
 * one JSON line per API request and counts it. Static files are counted but not logged.
 */
export function observeRequests(
  logger: Logger,
  metrics: ServerMetrics | undefined,
  options: { logSuccess?: boolean; now?: () => number } = {},
): MiddlewareHandler<AppEnv> {
  const { logSuccess = true, now = () => performance.now() } = options;
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && SANE_ID.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    const started = now();
    await next();
    c.header('X-Request-Id', requestId);
    const seconds = (now() - started) / 1000;
    const route = routeLabel(c.req.path);
    const status = c.res.status;
    metrics?.requests.inc({ method: c.req.method, route, status: String(status) });
    metrics?.latency.observe({ method: c.req.method, route }, seconds);
    if (route === 'static' && status < 500) return;
    const fields = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(seconds * 10_000) / 10,
    };
    if (status >= 500) logger.error('request', fields);
    else if (logSuccess) logger.info('request', fields);
  };
}
