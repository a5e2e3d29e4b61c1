import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventResult } from '../ingest/delivery.ts';

/**
 * The Prometheus metrics of one server process (prom-client). Each process has its own
 * registry; under WORKERS=N the primary sums them with prom-client's AggregatorRegistry
 * (src/server/cluster/), so one scrape shows the whole machine.
 */
export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  latency: Histogram<'method' | 'route'>;
  ingested: Counter<'status'>;
  flags: Counter<'flag'>;
  limited: Counter<'scope'>;
  /** Counts one batch's answers: statuses, and the flags of accepted events. */
  countIngest(results: readonly EventResult[]): void;
}

export function createServerMetrics(options: { defaultMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'runtut_http_requests_total',
    help: 'HTTP requests answered, by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'runtut_http_request_duration_seconds',
    help: 'Time to answer an HTTP request.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ingested = new Counter({
    name: 'runtut_ingest_events_total',
    help: 'Lesson events received, by the answer given (accepted, duplicate, conflict, invalid, rejected).',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const flags = new Counter({
    name: 'runtut_ingest_flags_total',
    help: 'Flags on accepted events: why the server credited less than claimed.',
    labelNames: ['flag'] as const,
    registers: [registry],
  });
  const limited = new Counter({
    name: 'runtut_rate_limited_total',
    help: 'Requests answered 429, by which limit (address or participant).',
    labelNames: ['scope'] as const,
    registers: [registry],
  });
  return {
    registry,
    requests,
    latency,
    ingested,
    flags,
    limited,
    countIngest(results) {
      for (const result of results) {
        ingested.inc({ status: result.status });
        for (const flag of result.flags ?? []) flags.inc({ flag });
      }
    },
  };
}
