import type { Server } from 'node:http';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/json-logger.ts';
import type { Lifecycle } from '../observability/readiness.ts';

export interface ShutdownParts {
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>;
  db: Pick<Database, 'close'>;
  lifecycle: Lifecycle;
  logger: Logger;
  /** Requests still running after this long are cut off (their transaction rolls back). */
  graceMs?: number;
}

/**
 * Stops one process without losing work: readiness turns 503 at once (a balancer stops sending),
 * the listener closes, requests in flight finish and are answered, idle keep-alive connections
 * are closed, and only then the database pool. Resolves `true` when everything finished in
 * time, `false` when the grace period ran out. Calling it again returns the same promise.
 */
export function gracefulShutdown(parts: ShutdownParts): (reason: string) => Promise<boolean> {
  let stopping: Promise<boolean> | undefined;
  return (reason) => {
    stopping ??= new Promise<boolean>((resolve) => {
      const { server, db, lifecycle, logger, graceMs = 10_000 } = parts;
      lifecycle.draining = true;
      logger.info('shutting down', { reason, graceMs });
      const force = setTimeout(() => {
        logger.warn('grace period over: closing remaining connections');
        server.closeAllConnections();
        void db.close().finally(() => resolve(false));
      }, graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        void db.close().then(
          () => resolve(true),
          () => resolve(false),
        );
      });
      // Keep-alive connections would hold close() open: end the idle ones now.
      server.closeIdleConnections();
    });
    return stopping;
  };
}
