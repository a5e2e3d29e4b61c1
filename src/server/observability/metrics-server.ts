import { createServer, type Server } from 'node:http';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Logger } from './json-logger.ts';

export interface MetricsSource {
  contentType: string;
  render(): Promise<string>;
}

export interface MetricsServerOptions {
  port: number;
  /** Loopback by default: Prometheus scrapes from the same host or through a tunnel. */
  host: string;
  /** When set, scrapes need `Authorization: Bearer <token>` (bind wider only with one). */
  token?: string | undefined;
  logger: Logger;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics on its own port, never through the public API port, so the balancer never
 * exposes it. Answers 401 without the configured token, 404 for any other path.
 */
export function startMetricsServer(
  source: MetricsSource,
  options: MetricsServerOptions,
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics' || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    if (options.token) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(given), digest(options.token))) {
        response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
        return;
      }
    }
    source.render().then(
      (body) => response.writeHead(200, { 'content-type': source.contentType }).end(body),
      (error: unknown) => {
        options.logger.error('metrics failed', { error: String(error) });
        response.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      options.logger.info('metrics listening', {
        url: `http://${options.host}:${typeof address === 'object' && address ? address.port : options.port}/metrics`,
      });
      resolve(server);
    });
  });
}
