import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { Logger } from '../observability/json-logger.ts';
import { startMetricsServer } from '../observability/metrics-server.ts';
import type { ProcessSettings } from './process-settings.ts';

/**
 * WORKERS=N: the primary only supervises. It forks N API processes that share the listening
 * port (Node's cluster hands connections round-robin), forks a replacement when one dies (kill -9
 * included), serves the workers' metrics summed (AggregatorRegistry), and on SIGTERM/SIGINT asks
 * every worker to drain, exiting once all have.
 */
export function runPrimary(settings: ProcessSettings, logger: Logger): void {
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('online', () => logger.info('worker started', { pid: worker.process.pid }));
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('all workers stopped');
        process.exit(0);
      }
      return;
    }
    logger.warn('worker died: starting another', { pid: worker.process.pid, code, signal });
    fork();
  });
  for (let i = 0; i < settings.workers; i += 1) fork();

  if (settings.metrics) {
    const aggregator = new AggregatorRegistry();
    void startMetricsServer(
      { contentType: aggregator.contentType, render: () => aggregator.clusterMetrics() },
      { ...settings.metrics, logger },
    );
  }

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping workers', { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), settings.shutdownGraceMs + 5_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
