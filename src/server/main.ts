import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { AggregatorRegistry } from 'prom-client';
import { buildApp } from './app.ts';
import { readProcessSettings, type ProcessSettings } from './cluster/process-settings.ts';
import { runPrimary } from './cluster/run-primary.ts';
import { readEnv, resolveServerConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { openPgDatabase } from './db/pg-database.ts';
import { gracefulShutdown } from './lifecycle/graceful-shutdown.ts';
import { readLimitSettings } from './limits/limit-settings.ts';
import { createJsonLogger, type Logger } from './observability/json-logger.ts';
import { startMetricsServer } from './observability/metrics-server.ts';
import { createServerMetrics } from './observability/server-metrics.ts';

/** One API process: built app + API + database, on PORT (default 8080). */
async function runServer(processSettings: ProcessSettings, logger: Logger) {
  const settings = readEnv(process.env);
  const limits = readLimitSettings(process.env);
  const db = await openDatabase({ ...settings, pool: processSettings.pool });
  const config = await resolveServerConfig(settings, db);
  // Reports only read: a replica's lag delays a completion in a report by seconds, nothing more.
  const reportsDb = processSettings.reportsDatabaseUrl
    ? await openPgDatabase({
        connectionString: processSettings.reportsDatabaseUrl,
        ...processSettings.pool,
        max: Math.max(2, Math.ceil(processSettings.pool.max / 4)),
      })
    : undefined;
  const metrics = createServerMetrics();
  const lifecycle = { draining: false };
  const app = buildApp({
    db,
    config,
    logger,
    metrics,
    limits,
    lifecycle,
    ...(reportsDb ? { reportsDb } : {}),
    logRequests: processSettings.logRequests,
  });
  const server = serve(
    { fetch: app.fetch, port: settings.port, hostname: settings.host },
    (info) => {
      const database =
        db.kind === 'pglite' ? `embedded PostgreSQL in ${settings.dataDir}` : 'PostgreSQL';
      const courses = config.courses.ids.join(', ') || 'none';
      logger.info(
        `Runtut listening on http://${settings.host}:${info.port} (${config.mode} mode, ${database}, courses: ${courses})`,
        { port: info.port },
      );
      if (config.mode === 'demo' && !settings.reportKey) {
        logger.info(`Demo report key: X-Api-Key: ${config.reportKey ?? ''}`);
      }
      if (!config.reportKey) logger.info('Completion reports are disabled: set RUNTUT_REPORT_KEY');
    },
  ) as Server;

  if (cluster.isWorker) {
    // The constructor installs the listener that answers the primary's metrics requests.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([metrics.registry]);
  } else if (processSettings.metrics) {
    await startMetricsServer(
      { contentType: metrics.registry.contentType, render: () => metrics.registry.metrics() },
      { ...processSettings.metrics, logger },
    );
  }

  const stop = gracefulShutdown({
    server,
    db: { close: async () => void (await Promise.all([db.close(), reportsDb?.close()])) },
    lifecycle,
    logger,
    graceMs: processSettings.shutdownGraceMs,
  });
  const onSignal = (signal: string) => {
    config.close?.();
    void stop(signal).then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

const logger = createJsonLogger(undefined, { pid: process.pid });
try {
  const processSettings = readProcessSettings(process.env);
  if (processSettings.workers > 1 && cluster.isPrimary) runPrimary(processSettings, logger);
  else
    await runServer(processSettings, logger).catch((error: unknown) => {
      logger.error(
        `Runtut failed to start: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    });
} catch (error) {
  logger.error(`Runtut failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
