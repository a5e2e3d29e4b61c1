import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../qa/free-port.ts';
import { startProviderSite } from './provider-site.ts';

/**
 * `npm run demo:provider`: a Runtut server in provider mode on http://127.0.0.1:<port> and a
 * provider's site on http://localhost:<other port> — another origin and another site, as in
 * production — sharing a launch-token secret. Open the printed URL; events print here.
 * Needs `npm run build` first (the server serves dist/). Ctrl-C stops both.
 */
async function main() {
  const secret = process.env.RUNTUT_PROVIDER_SECRET ?? 'demo-provider-secret-0123456789abcdef';
  const runtutPort = Number(process.env.RUNTUT_PORT ?? (await freePort()));
  const providerPort = Number(process.env.PROVIDER_PORT ?? (await freePort()));
  const providerOrigin = `http://localhost:${providerPort}`;
  const runtutUrl = `http://127.0.0.1:${runtutPort}`;
  const runtut = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(runtutPort),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'runtut-demo-provider-')),
      RUNTUT_PROVIDER_SECRET: secret,
      RUNTUT_CORS_ORIGINS: providerOrigin,
      RUNTUT_REPORT_KEY: process.env.RUNTUT_REPORT_KEY ?? 'demo-report-key',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const site = await startProviderSite({
    runtutUrl,
    secret,
    port: providerPort,
    onEvent: (name, data) => console.log(`[event] ${name} ${JSON.stringify(data)}`),
  });
  console.log(`Provider site: ${site.url}/?participant=peserta-1&course=sample`);
  console.log(`Runtut server: ${runtutUrl} (allows ${providerOrigin} to embed)`);
  const stop = () => {
    runtut.kill('SIGTERM');
    void site.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
