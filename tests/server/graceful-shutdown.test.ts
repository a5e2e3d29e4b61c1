import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { gracefulShutdown } from '../../src/server/lifecycle/graceful-shutdown.ts';
import { silentLogger } from '../../src/server/observability/json-logger.ts';
import { freePort } from '../../src/qa/free-port.ts';

/** A real listening server whose /slow answers only when the test lets it. */
async function slowServer() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => undefined;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  const app = new Hono()
    .get('/slow', async (c) => {
      arrived();
      await released;
      return c.text('finished');
    })
    .get('/fast', (c) => c.text('fast'));
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${port}`, server, release, inFlight };
}

function fakeDb() {
  const db = { closed: false, close: async () => void (db.closed = true) };
  return db;
}

describe('gracefulShutdown', () => {
  it('finishes the request in flight, refuses new connections, then closes the database', async () => {
    const { url, server, release, inFlight } = await slowServer();
    const db = fakeDb();
    const lifecycle = { draining: false };
    const stop = gracefulShutdown({ server, db, lifecycle, logger: silentLogger, graceMs: 10_000 });
    const slow = fetch(`${url}/slow`);
    await inFlight;
    const stopped = stop('SIGTERM');
    expect(lifecycle.draining).toBe(true);
    await expect(fetch(`${url}/fast`)).rejects.toThrow();
    expect(db.closed).toBe(false);
    release();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    expect(await stopped).toBe(true);
    expect(db.closed).toBe(true);
    expect(stop('SIGINT')).toBe(stopped);
  });

  it('cuts off what is still running when the grace period is over', async () => {
    const { url, server, inFlight, release } = await slowServer();
    const db = fakeDb();
    const stop = gracefulShutdown({
      server,
      db,
      lifecycle: { draining: false },
      logger: silentLogger,
      graceMs: 100,
    });
    const slow = fetch(`${url}/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await inFlight;
    expect(await stop('SIGTERM')).toBe(false);
    expect(await slow).toBe('cut off');
    expect(db.closed).toBe(true);
    release();
  });
});
