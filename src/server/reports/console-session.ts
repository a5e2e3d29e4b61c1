import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import type { ProviderRecord } from '../providers/provider-directory.ts';
import type { KeyAttempts } from './key-attempts.ts';
import {
  CONSOLE_COOKIE,
  providerForKey,
  reportsDisabled,
  sessionProvider,
  tokenHash,
} from './report-access.ts';
import { providerCourses } from './provider-courses.ts';

/** A console sign-in lasts a working day. */
export const CONSOLE_SESSION_SECONDS = 8 * 3600;

const signInSchema = z.object({ key: z.string().min(1).max(512) });

const isHttps = (url: string, forwarded: string | undefined) =>
  url.startsWith('https:') || forwarded === 'https';

/**
 * The console's sign-in: a provider report key in, an HttpOnly, SameSite=Strict session cookie
 * out (never a token the page's scripts can read or keep). Wrong keys count against the caller's
 * address like a wrong X-Api-Key does.
 */
export function consoleSessionRoutes(db: Database, config: ServerConfig, attempts: KeyAttempts) {
  const describe = (provider: ProviderRecord) => ({
    provider: { id: provider.id, name: provider.name },
    courses: providerCourses(config, provider),
  });
  return new Hono()
    .post('/api/v1/console/session', async (c) => {
      if (reportsDisabled(config)) return apiError(c, 503, 'reports-disabled');
      const parsed = signInSchema.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success) return apiError(c, 400, 'key-required');
      const found = await providerForKey(c, config, attempts, parsed.data.key);
      if (found instanceof Response) return found;
      const token = randomBytes(32).toString('base64url');
      const nowMs = config.now();
      await db.query(
        `INSERT INTO console_sessions (token_hash, provider_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
        [
          tokenHash(token),
          found.id,
          new Date(nowMs).toISOString(),
          new Date(nowMs + CONSOLE_SESSION_SECONDS * 1000).toISOString(),
        ],
      );
      // Expired sessions go as new ones come: the table stays the size of the live ones.
      await db.query('DELETE FROM console_sessions WHERE expires_at <= $1', [
        new Date(nowMs).toISOString(),
      ]);
      setCookie(c, CONSOLE_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
        path: '/api/',
        maxAge: CONSOLE_SESSION_SECONDS,
      });
      c.header('Cache-Control', 'no-store');
      return c.json(describe(found), 201);
    })
    .get('/api/v1/console/session', async (c) => {
      c.header('Cache-Control', 'no-store');
      const provider = await sessionProvider(db, config, getCookie(c, CONSOLE_COOKIE));
      if (!provider) return apiError(c, 401, 'console-signed-out');
      return c.json(describe(provider));
    })
    .delete('/api/v1/console/session', async (c) => {
      const token = getCookie(c, CONSOLE_COOKIE);
      if (token)
        await db.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash(token)]);
      deleteCookie(c, CONSOLE_COOKIE, { path: '/api/' });
      return c.body(null, 204);
    });
}
