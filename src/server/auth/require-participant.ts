import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { registerParticipant } from './participants.ts';
import { checkBearer, type TokenSecrets } from './tokens.ts';

/** 401 with its reason unless the bearer token is valid; then `c.var.identity` is the caller. */
export function requireParticipant(
  db: Database,
  secrets: TokenSecrets,
  now: () => number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const nowMs = now();
    const check = await checkBearer(c.req.header('authorization'), secrets, nowMs);
    if (!check.ok) {
      c.header(
        'WWW-Authenticate',
        `Bearer error="invalid_token", error_description="${check.code}"`,
      );
      return apiError(c, 401, check.code);
    }
    await registerParticipant(db, check.identity, nowMs);
    c.set('identity', check.identity);
    await next();
  };
}
