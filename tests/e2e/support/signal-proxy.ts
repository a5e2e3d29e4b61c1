import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '../../../src/qa/free-port.ts';

/**
 * A loopback TCP proxy in front of a server: a link whose signal a test can lose.
 *
 * - `cut()`: every connection is reset at once and new ones are refused, as when the phone's
 *   radio drops and the OS says so (pair it with `context.setOffline(true)`).
 * - `blackHole()`: a silent loss, `navigator.onLine` stays true. Open connections go quiet (their
 *   bytes are dropped both ways) and new ones are accepted but never answered: requests hang,
 *   they do not fail.
 * - `restore()`: new connections work again. Connections that went quiet are reset, as a real
 *   link does once the phone's retransmissions reach a server that has forgotten them.
 * - `throttle(kbps)`: lesson media (`/courses/…` except `course.json`) reach the browser at most
 *   this fast, all together, from their first byte on; the app itself loads at full speed.
 */
export interface SignalProxy {
  url: string;
  cut(): void;
  blackHole(): void;
  restore(): void;
  /** Downstream rate of lesson media, all connections together, kbit/s; 0 = unlimited. */
  throttle(kbps: number): void;
  close(): Promise<void>;
}

const TICK_MS = 50;
const HIGH_WATER = 256 * 1024;
const LOW_WATER = 64 * 1024;

interface Link {
  client: Socket;
  upstream: Socket;
  dead: boolean;
  /** Has carried a media request: its responses go through the throttle from then on. */
  media: boolean;
  /**
   * A WebSocket upgrade (the dev server's reload channel for the harness): not part of the app
   * under test, and if it dropped, the dev server would reload the page. Never cut.
   */
  immune: boolean;
  /** Closes both ends; `reset` sends the browser an RST instead of an orderly close. */
  forget(reset?: boolean): void;
}

export async function startSignalProxy(targetUrl: string): Promise<SignalProxy> {
  const target = new URL(targetUrl);
  const links = new Set<Link>();
  let silent = false;
  let refusing = false;
  let bytesPerTick = 0;
  /** Downstream bytes waiting for the throttle; an empty chunk closes its link when reached. */
  const queue: { link: Link; chunk: Buffer }[] = [];
  let queued = 0;

  function send(link: Link, chunk: Buffer): void {
    if (link.dead) return;
    if (!link.media || (bytesPerTick === 0 && queue.length === 0)) {
      if (chunk.length === 0) link.forget();
      else link.client.write(chunk);
      return;
    }
    queue.push({ link, chunk });
    queued += chunk.length;
    if (queued > HIGH_WATER) for (const each of links) each.upstream.pause();
  }

  const drain = setInterval(() => {
    let budget = bytesPerTick === 0 ? Number.POSITIVE_INFINITY : bytesPerTick;
    while (budget > 0 && queue.length > 0) {
      const head = queue[0];
      if (!head) break;
      if (!links.has(head.link)) {
        queue.shift();
        queued -= head.chunk.length;
        continue;
      }
      if (head.chunk.length === 0) {
        queue.shift();
        if (!head.link.dead) head.link.forget();
        continue;
      }
      const part = head.chunk.subarray(0, Math.min(head.chunk.length, budget));
      if (!head.link.dead) head.link.client.write(part);
      budget -= part.length;
      queued -= part.length;
      if (part.length === head.chunk.length) queue.shift();
      else head.chunk = head.chunk.subarray(part.length);
    }
    if (queued < LOW_WATER) for (const each of links) if (!each.dead) each.upstream.resume();
  }, TICK_MS);

  const server: Server = createServer((client) => {
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    const forget = (reset = false) => {
      links.delete(link);
      if (reset && !client.destroyed) client.resetAndDestroy();
      else client.end();
      upstream.destroy();
    };
    const link: Link = { client, upstream, dead: silent, media: false, immune: false, forget };
    links.add(link);
    client.on('data', (chunk: Buffer) => {
      if (link.dead) return;
      const head = chunk.toString('latin1');
      const path = /^(?:GET|HEAD) (\S+) HTTP/m.exec(head)?.[1] ?? '';
      if (path.startsWith('/courses/') && !path.endsWith('.json')) link.media = true;
      if (/^upgrade: *websocket/im.test(head)) {
        link.immune = true;
        link.dead = false;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => send(link, chunk));
    // A silent link never tells the browser that the server went away.
    client.on('close', () => forget());
    // What the server sent before closing still reaches the browser, at the throttled rate.
    upstream.on('close', () => send(link, Buffer.alloc(0)));
    client.on('error', () => forget());
    upstream.on('error', () => {
      if (!link.dead) forget();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      refusing = true;
      for (const link of [...links]) if (!link.immune) link.forget(true);
      queue.length = 0;
      queued = 0;
    },
    blackHole() {
      silent = true;
      for (const link of links) link.dead = !link.immune;
    },
    restore() {
      silent = false;
      refusing = false;
      for (const link of [...links]) if (link.dead) link.forget(true);
    },
    throttle(kbps) {
      bytesPerTick = kbps > 0 ? Math.max(1, Math.round((kbps * 1000 * TICK_MS) / 8000)) : 0;
    },
    async close() {
      clearInterval(drain);
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
