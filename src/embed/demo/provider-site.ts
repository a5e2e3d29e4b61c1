import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sign } from 'hono/jwt';
import { providerPageHtml } from './provider-page.ts';

export interface ProviderSiteOptions {
  runtutUrl: string;
  /** The secret shared with the Runtut server (RUNTUT_PROVIDER_SECRET). */
  secret: string;
  /** Listens on loopback; the page is at http://localhost:<port> (another site than 127.0.0.1). */
  port: number;
  /** Every event the page reports back (the demo prints them). */
  onEvent?: (name: string, data: unknown) => void;
}

export interface ProviderSite {
  url: string;
  stop(): Promise<void>;
}

/** A launch token as a provider's backend signs it: who, which course, for how long. */
export function signLaunchToken(secret: string, participant: string, course: string) {
  const iat = Math.floor(Date.now() / 1000);
  return sign({ sub: participant, course, iat, exp: iat + 3600 }, secret, 'HS256');
}

/**
 * The demo provider's tiny backend: `/` renders the course page with a freshly signed token
 * (`?participant=&course=&lesson=&lang=`), `/token` signs one for scripts, `/log` hears events.
 */
export function startProviderSite(options: ProviderSiteOptions): Promise<ProviderSite> {
  const app = new Hono();
  app.get('/', async (c) => {
    const participant =
      c.req.query('participant') || `peserta-${Math.random().toString(36).slice(2, 8)}`;
    const course = c.req.query('course') || 'sample';
    const token = await signLaunchToken(options.secret, participant, course);
    return c.html(
      providerPageHtml({
        runtutUrl: options.runtutUrl,
        course,
        token,
        participant,
        lesson: c.req.query('lesson'),
        lang: c.req.query('lang'),
      }),
    );
  });
  app.get('/token', async (c) => {
    const participant = c.req.query('participant');
    const course = c.req.query('course');
    if (!participant || !course)
      return c.json({ error: 'participant and course are required' }, 400);
    return c.json({ token: await signLaunchToken(options.secret, participant, course) });
  });
  app.post('/log', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { name?: string; data?: unknown };
    options.onEvent?.(String(body.name), body.data);
    return c.body(null, 204);
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, (info) =>
      resolve({
        url: `http://localhost:${info.port}`,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
