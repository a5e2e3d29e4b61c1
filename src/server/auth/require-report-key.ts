import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../http/api-error.ts';
import type { ProviderDirectory, ProviderRecord } from '../providers/provider-directory.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests so the comparison takes the same time whatever the key's length. */
export const sameKey = (given: string, expected: string) =>
  timingSafeEqual(digest(given), digest(expected));

/** Report routes know whose key called: everything they answer is scoped to that provider. */
export interface ReportEnv {
  Variables: { reportProvider: ProviderRecord };
}

/**
 * Guards provider reports with the `X-Api-Key` header: the directory names the key's provider
 * (a configured key, or a hashed one from the database). `enabled: false` (no key configured
 * and no provider directory) answers 503.
 */
export function requireReportKey(
  directory: ProviderDirectory,
  enabled = true,
): MiddlewareHandler<ReportEnv> {
  return async (c, next) => {
    if (!enabled) return apiError(c, 503, 'reports-disabled');
    const given = c.req.header('x-api-key');
    const provider = given ? await directory.byReportKey(given) : undefined;
    if (!provider) return apiError(c, 401, 'api-key-invalid');
    c.set('reportProvider', provider);
    await next();
  };
}
