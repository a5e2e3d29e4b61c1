import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';

/**
 * /console and every console address below it (client-side routes) answer the console's own
 * index.html from its separate build (dist/console, vite.console.config.ts). Its assets under
 * /console/assets/ are ordinary static files. The participant's index.html never links here.
 */
export function consolePageRoutes(staticDir: string) {
  const file = join(staticDir, 'console', 'index.html');
  const app = new Hono();
  app.on('GET', ['/console', '/console/*'], async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path) || !existsSync(file)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(file, 'utf8'));
  });
  return app;
}
