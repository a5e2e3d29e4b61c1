import { serve } from '@hono/node-server';
import { buildApp } from './app.ts';
import { readEnv, resolveServerConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';

/** The one process: built app + API + database, on PORT (default 8080). */
async function main() {
  const settings = readEnv(process.env);
  const db = await openDatabase(settings);
  const config = await resolveServerConfig(settings, db);
  const app = buildApp({ db, config });
  const server = serve(
    { fetch: app.fetch, port: settings.port, hostname: settings.host },
    (info) => {
      const database =
        db.kind === 'pglite' ? `embedded PostgreSQL in ${settings.dataDir}` : 'PostgreSQL';
      const courses = config.courses.ids.join(', ') || 'none';
      console.log(
        `Runtut listening on http://${settings.host}:${info.port} (${config.mode} mode, ${database}, courses: ${courses})`,
      );
      if (config.mode === 'demo' && !settings.reportKey) {
        console.log(`Demo report key: X-Api-Key: ${config.reportKey ?? ''}`);
      }
      if (!config.reportKey) console.log('Completion reports are disabled: set RUNTUT_REPORT_KEY');
    },
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Runtut: ${signal} received, closing`);
    config.close?.();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    // Keep-alive connections would hold close() open: end the idle ones now.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    `Runtut failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
