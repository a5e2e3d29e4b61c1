import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { providersOf, type ServerConfig } from '../config.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import type { ProviderRecord } from '../providers/provider-directory.ts';
import type { KeyAttempts } from './key-attempts.ts';

export interface ReportEnv {
  Variables: { provider: ProviderRecord };
}

export const CONSOLE_COOKIE = 'runtut_console';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The caller's address for rate limiting; in-process requests (tests) have none. */
export function callerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

export const reportsDisabled = (config: ServerConfig) =>
  config.providers === undefined && !config.reportKey;

/** The provider a console session cookie belongs to, if the session is live. */
export async function sessionProvider(
  db: Queryable,
  config: ServerConfig,
  token: string | undefined,
): Promise<ProviderRecord | undefined> {
  if (!token) return undefined;
  const { rows } = await db.query<{ provider_id: string }>(
    'SELECT provider_id FROM console_sessions WHERE token_hash = $1 AND expires_at > $2',
    [tokenHash(token), new Date(config.now()).toISOString()],
  );
  const id = rows[0]?.provider_id;
  return id === undefined ? undefined : providersOf(config).byId(id);
}

/** Looks a report key up, counting a wrong one against the caller's address. */
export async function providerForKey(
  c: Context,
  config: ServerConfig,
  attempts: KeyAttempts,
  key: string,
): Promise<ProviderRecord | Response> {
  const address = callerAddress(c);
  const wait = attempts.retryAfter(address, config.now());
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    return apiError(c, 429, 'too-many-attempts');
  }
  const provider = await providersOf(config).byReportKey(key);
  if (provider) return provider;
  attempts.recordFailure(address, config.now());
  return apiError(c, 401, 'api-key-invalid');
}

/**
 * Report API access: an `X-Api-Key` header (scripts) or the console's session cookie. Either
 * way the request is scoped to one provider (c.var.provider) and only its courses.
 */
export function requireReportAccess(
  db: Queryable,
  config: ServerConfig,
  attempts: KeyAttempts,
): MiddlewareHandler<ReportEnv> {
  return async (c, next) => {
    if (reportsDisabled(config)) return apiError(c, 503, 'reports-disabled');
    const key = c.req.header('x-api-key');
    const found =
      key !== undefined
        ? await providerForKey(c, config, attempts, key)
        : ((await sessionProvider(db, config, getCookie(c, CONSOLE_COOKIE))) ??
          apiError(c, 401, 'api-key-invalid'));
    if (found instanceof Response) return found;
    c.set('provider', found);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
