/**
 * How many processes to run and how each one is bounded, from the environment
 * (docs/deployment.md lists every variable).
 */
export interface ProcessSettings {
  workers: number;
  metrics?: { port: number; host: string; token?: string | undefined } | undefined;
  pool: {
    max: number;
    statementTimeoutMs: number;
    connectionTimeoutMs: number;
    pooler?: 'pgbouncer' | undefined;
  };
  /** A read replica for the completion reports (REPORTS_DATABASE_URL), if any. */
  reportsDatabaseUrl?: string | undefined;
  shutdownGraceMs: number;
  /** false: log only failed requests (5xx), e.g. under a load test. */
  logRequests: boolean;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

function poolerOf(value: string | undefined): 'pgbouncer' | undefined {
  const pooler = value?.trim();
  if (!pooler) return undefined;
  if (pooler !== 'pgbouncer')
    throw new Error(`DATABASE_POOLER must be "pgbouncer", got "${pooler}"`);
  return pooler;
}

export function readProcessSettings(env: NodeJS.ProcessEnv): ProcessSettings {
  const workers = integer(env, 'WORKERS', 1, 1);
  if (workers > 1 && !env.DATABASE_URL?.trim())
    throw new Error(
      `WORKERS=${workers} needs DATABASE_URL: the embedded database belongs to one process. ` +
        'Set DATABASE_URL to a PostgreSQL server, or run WORKERS=1.',
    );
  const metricsPort = env.METRICS_PORT?.trim();
  return {
    workers,
    metrics: metricsPort
      ? {
          port: integer(env, 'METRICS_PORT', 0, 0),
          host: env.METRICS_HOST?.trim() || '127.0.0.1',
          token: env.METRICS_TOKEN?.trim() || undefined,
        }
      : undefined,
    pool: {
      max: integer(env, 'PG_POOL_MAX', 10, 1),
      statementTimeoutMs: integer(env, 'PG_STATEMENT_TIMEOUT_MS', 5_000, 0),
      connectionTimeoutMs: integer(env, 'PG_CONNECT_TIMEOUT_MS', 5_000, 1),
      pooler: poolerOf(env.DATABASE_POOLER),
    },
    reportsDatabaseUrl: env.REPORTS_DATABASE_URL?.trim() || undefined,
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0),
    logRequests: env.LOG_REQUESTS !== '0' && env.LOG_REQUESTS !== 'false',
  };
}
