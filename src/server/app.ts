import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { embedRoutes } from './embed/embed-routes.ts';
import { requireParticipant } from './auth/require-participant.ts';
import type { ServerConfig } from './config.ts';
import { isUnavailable, type Database } from './db/database.ts';
import { apiError } from './http/api-error.ts';
import type { AppEnv } from './http/app-env.ts';
import { MAX_BATCH_BYTES } from './ingest/parse-batch.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { progressRoutes } from './routes/progress.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/session.ts';
import { staticRoutes } from './routes/static.ts';

export interface AppDependencies {
  db: Database;
  config: ServerConfig;
  log?: (message: string) => void;
}

/** Other request bodies (session, reports) are tiny. */
const SMALL_BODY_BYTES = 16 * 1024;

/** Builds the whole HTTP app: API and built front end. Never listens (see main.ts). */
export function buildApp({ db, config, log = console.error }: AppDependencies) {
  const app = new Hono<AppEnv>();
  const origins = new Set(config.corsOrigins);

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
      origin: (origin) => (origins.has(origin) ? origin : null),
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

  const participant = requireParticipant(db, config, config.now);
  app.use('/api/v1/events', participant);
  app.use('/api/v1/progress', participant);

  app.route('/', healthRoutes(db));
  app.route('/', sessionRoutes(db, config));
  app.route('/', eventRoutes(db, config));
  app.route('/', progressRoutes(db, config));
  app.route('/', reportRoutes(db, config));
  app.route('/', embedRoutes(config));
  if (config.staticDir) app.route('/', staticRoutes(config.staticDir));

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? apiError(c, 404, 'not-found') : c.text('Not found', 404),
  );
  app.onError((error, c) => {
    if (isUnavailable(error)) {
      c.header('Retry-After', '5');
      return apiError(c, 503, 'database-unavailable');
    }
    if (error instanceof HTTPException) return error.getResponse();
    log(
      `request ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return apiError(c, 500, 'internal-error');
  });
  return app;
}

export type RuntutApp = ReturnType<typeof buildApp>;
