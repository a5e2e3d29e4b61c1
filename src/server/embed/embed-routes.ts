import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { frameAncestorsOf, isOriginAllowed, normalizeOrigin } from '../../domain/embed-origins.ts';
import { checkBearer } from '../auth/tokens.ts';
import { providersOf, type ServerConfig } from '../config.ts';
import { apiError } from '../http/api-error.ts';

/**
 * The embedded player's server side (issue 10): the in-frame page at `/embed/<course>[/<lesson>]`
 * with a `frame-ancestors` policy listing only the course provider's origins, the host-page
 * script at the stable URL `/embed.js`, and the check the frame asks before it starts: may this
 * token's provider's course run inside that origin?
 */
export function embedRoutes(config: ServerConfig) {
  const app = new Hono();
  const providers = providersOf(config);

  const embedPage = async (courseId: string) => {
    const provider = await providers.byCourse(courseId);
    const index = config.staticDir ? join(config.staticDir, 'index.html') : undefined;
    const policy = [
      `frame-ancestors ${frameAncestorsOf(provider?.origins ?? []).join(' ')}`,
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; ');
    const headers = { 'Content-Security-Policy': policy, 'Cache-Control': 'no-cache' };
    if (!provider || !index || !existsSync(index))
      return new Response('Kursus tidak ditemukan / Course not found', { status: 404, headers });
    return new Response(await readFile(index), {
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
    });
  };

  app.get('/embed/:course', (c) => embedPage(c.req.param('course')));
  app.get('/embed/:course/:lesson', (c) => embedPage(c.req.param('course')));

  app.get('/embed.js', async (c) => {
    const file = config.staticDir ? join(config.staticDir, 'embed.js') : undefined;
    if (!file || !existsSync(file)) return c.text('embed.js is not built', 404);
    return new Response(await readFile(file), {
      headers: {
        'Content-Type': 'text/javascript; charset=utf-8',
        // Loaded by providers' pages, on other origins; a short cache so fixes reach them soon.
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Cache-Control': 'public, max-age=300',
      },
    });
  });

  app.post('/api/v1/embed/check', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as
      { course?: unknown; origin?: unknown } | undefined;
    const courseId = typeof body?.course === 'string' ? body.course : undefined;
    if (!courseId) return apiError(c, 400, 'course-required');
    const origin = typeof body?.origin === 'string' ? normalizeOrigin(body.origin) : undefined;
    if (!origin) return apiError(c, 400, 'embed-origin-required');
    const provider = await providers.byCourse(courseId);
    if (!provider) return apiError(c, 404, 'course-unknown');
    const header = c.req.header('authorization');
    // Demo mode may embed without a launch token (the frame then asks for a demo session).
    if (header !== undefined || config.mode === 'provider') {
      const check = await checkBearer(header, config, config.now());
      if (!check.ok) return apiError(c, 401, check.code);
      if (check.identity.providerId !== provider.id)
        return apiError(c, 403, 'embed-provider-mismatch');
      if (check.identity.courseId !== undefined && check.identity.courseId !== courseId)
        return apiError(c, 403, 'course-not-allowed');
    }
    if (!isOriginAllowed(origin, provider.origins))
      return apiError(c, 403, 'embed-origin-not-allowed');
    return c.json({ allowed: true, providerId: provider.id, origins: provider.origins });
  });
  return app;
}
