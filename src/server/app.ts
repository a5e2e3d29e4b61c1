import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { embedRoutes } from './embed/embed-routes.ts';
import { requireParticipant } from './auth/require-participant.ts';
import { providersOf, type ServerConfig } from './config.ts';
import { isUnavailable, type Database } from './db/database.ts';
import { apiError } from './http/api-error.ts';
import type { AppEnv } from './http/app-env.ts';
import { MAX_BATCH_BYTES } from './ingest/parse-batch.ts';
import { courseFileRoutes } from './routes/course-files.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { progressRoutes } from './routes/progress.ts';
import { consolePageRoutes } from './reports/console-page.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/session.ts';
import { staticRoutes } from './routes/static.ts';
import { addressLimit, participantLimit, requestTimeout } from './limits/limit-middleware.ts';
import type { LimitSettings } from './limits/limit-settings.ts';
import { createJsonLogger, type Logger } from './observability/json-logger.ts';
import { readinessRoutes, type Lifecycle } from './observability/readiness.ts';
import { observeRequests } from './observability/request-observer.ts';
import type { ServerMetrics } from './observability/server-metrics.ts';

export interface AppDependencies {
  db: Database;
  config: ServerConfig;
  log?: (message: string) => void;
  /** Structured request and error logs (default: JSON lines on stdout, errors through `log`). */
  logger?: Logger;
  metrics?: ServerMetrics;
  /** Rate limits and the request timeout; none when absent (tests), main.ts reads them. */
  limits?: LimitSettings;
  /** Graceful shutdown sets `draining`, and readiness answers 503. */
  lifecycle?: Lifecycle;
  /** Completion reports read here (a read replica) when given; else from `db`. */
  reportsDb?: Database;
  /** false: log only failed requests. */
  logRequests?: boolean;
}

/** Other request bodies (session, reports) are tiny. */
const SMALL_BODY_BYTES = 16 * 1024;

/** Builds the whole HTTP app: API and built front end. Never listens (see main.ts). */
export function buildApp(deps: AppDependencies) {
  const { db, config, log = console.error, metrics, limits } = deps;
  const logger = deps.logger ?? createJsonLogger((line) => log(line), {}, config.now);
  const app = new Hono<AppEnv>();
  const providers = providersOf(config);
  const origins = new Set(config.corsOrigins);
  const allowsOrigin = async (origin: string) =>
    (await providers.allowsOrigin?.(origin)) ?? origins.has(origin);

  app.use('*', observeRequests(logger, metrics, { logSuccess: deps.logRequests ?? true }));

  app.use(
    '*',
    secureHeaders({
      // Providers show the player in an iframe: allow exactly their origins to frame it.
      xFrameOptions: false,
      // Routes that set their own policy keep it (the embed page: frame-ancestors per course).
      overwrite: false,
      contentSecurityPolicy: {
        frameAncestors: ["'self'", ...config.corsOrigins],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use(
    '/api/*',
    cors({
      // Any provider's origin: a preflight does not say whose call it is; tokens and keys scope it.
      // No Origin (not a browser's cross-origin call) and the player's own calls need no lookup.
      origin: async (origin, c) => {
        if (origin === '') return null;
        if (origin === new URL(c.req.url).origin) return origin;
        return (await allowsOrigin(origin)) ? origin : null;
      },
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'X-Api-Key'],
      maxAge: 600,
    }),
  );
  const tooLarge = bodyLimit({
    maxSize: MAX_BATCH_BYTES,
    onError: (c) => apiError(c, 413, 'payload-too-large'),
  });
  const small = bodyLimit({
    maxSize: SMALL_BODY_BYTES,
    onError: (c) => apiError(c, 413, 'payload-too-large'),
  });
  app.use('/api/*', async (c, next) =>
    c.req.path === '/api/v1/events' ? tooLarge(c, next) : small(c, next),
  );

  if (limits) {
    app.use('/api/*', requestTimeout(limits.requestTimeoutMs));
    app.use('/api/*', addressLimit(limits, metrics, config.now));
  }
  const participant = requireParticipant(db, config, config.now);
  app.use('/api/v1/events', participant);
  app.use('/api/v1/progress', participant);
  if (limits) {
    app.use('/api/v1/events', participantLimit(limits, metrics, config.now));
    app.use('/api/v1/progress', participantLimit(limits, metrics, config.now));
  }

  app.route('/', healthRoutes(db));
  app.route('/', readinessRoutes(db, deps.lifecycle ?? { draining: false }));
  app.route('/', sessionRoutes(db, config));
  app.route('/', eventRoutes(db, config, metrics));
  app.route('/', progressRoutes(db, config));
  app.route('/', reportRoutes(deps.reportsDb ?? db, config));
  app.route('/', embedRoutes(config));
  app.route('/', courseFileRoutes(config.courses, config.coursesDir));
  if (config.staticDir) {
    app.route('/', consolePageRoutes(config.staticDir));
    app.route('/', staticRoutes(config.staticDir));
  }

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? apiError(c, 404, 'not-found') : c.text('Not found', 404),
  );
  app.onError((error, c) => {
    if (isUnavailable(error)) {
      c.header('Retry-After', '5');
      return apiError(c, 503, 'database-unavailable');
    }
    if (error instanceof HTTPException) return error.getResponse();
    logger.error('request failed', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return apiError(c, 500, 'internal-error');
  });
  return app;
}

export type RuntutApp = ReturnType<typeof buildApp>;
