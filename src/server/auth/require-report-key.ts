import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../http/api-error.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests so the comparison takes the same time whatever the key's length. */
export const sameKey = (given: string, expected: string) =>
  timingSafeEqual(digest(given), digest(expected));

/** Guards provider reports with the key from RUNTUT_REPORT_KEY (X-Api-Key header). */
export function requireReportKey(reportKey: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!reportKey) return apiError(c, 503, 'reports-disabled');
    const given = c.req.header('x-api-key');
    if (!given || !sameKey(given, reportKey)) return apiError(c, 401, 'api-key-invalid');
    await next();
  };
}
