import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { apiErrorBody, type ApiErrorCode } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { ServerMetrics } from '../observability/server-metrics.ts';
import type { LimitSettings } from './limit-settings.ts';
import { createRateLimiter } from './rate-limiter.ts';

function refusal(status: 429 | 503, code: ApiErrorCode, retryAfterSeconds: number): Response {
  return new Response(JSON.stringify(apiErrorBody(code)), {
    status,
    headers: { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) },
  });
}

/** The caller's address: the socket's, or X-Forwarded-For's first entry behind a trusted proxy. */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (app.request) have no socket
  }
}

type Limit = MiddlewareHandler<AppEnv>;
const pass: Limit = (_c, next) => next();

/** 429 with Retry-After once an address has used its bucket; the sync client waits that long. */
export function addressLimit(
  settings: LimitSettings,
  metrics?: ServerMetrics,
  now: () => number = Date.now,
): Limit {
  if (settings.address.capacity <= 0) return pass;
  const limiter = createRateLimiter(settings.address);
  return async (c, next) => {
    const decision = limiter.take(clientAddress(c, settings.trustProxy), now());
    if (!decision.allowed) {
      metrics?.limited.inc({ scope: 'address' });
      return refusal(429, 'rate-limited', decision.retryAfterSeconds);
    }
    await next();
  };
}

/** The same per participant (after the token is verified), on the participant's own routes. */
export function participantLimit(
  settings: LimitSettings,
  metrics?: ServerMetrics,
  now: () => number = Date.now,
): Limit {
  if (settings.participant.capacity <= 0) return pass;
  const limiter = createRateLimiter(settings.participant);
  return async (c, next) => {
    const decision = limiter.take(c.var.identity.participantId, now());
    if (!decision.allowed) {
      metrics?.limited.inc({ scope: 'participant' });
      return refusal(429, 'rate-limited', decision.retryAfterSeconds);
    }
    await next();
  };
}

/**
 * 503 `request-timeout` with Retry-After when a request takes longer than the limit. The work
 * may still finish (its transaction commits or rolls back on its own, bounded by the database's
 * statement timeout); a resend is then a `duplicate`, so nothing is lost or doubled.
 */
export function requestTimeout(ms: number): Limit {
  if (ms <= 0) return pass;
  return timeout(ms, () => new HTTPException(503, { res: refusal(503, 'request-timeout', 1) }));
}
