import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, main } from './cli.ts';
import { startProviderSite, type ProviderSite } from '../embed/demo/provider-site.ts';
import { freePort } from './free-port.ts';

/**
 * `npm run test:qa`: the whole attack catalog against this checkout. Starts the built product
 * (`tsx src/server/main.ts`, serving dist/) on a free loopback port with a throwaway data folder,
 * runs tests/qa/catalog with the JUnit report at qa-results/junit.xml, and stops the server's
 * whole process group. Builds nothing: CI runs `npm run build` first. Extra arguments go to the
 * runner (e.g. `npm run test:qa -- --grep clock`). The server's output goes to
 * qa-results/server.log so the run log stays readable.
 *
 * `npm run test:qa:embed` (`--embed`): the same catalog with the player inside an embedding
 * page (`--embed-url`): the server runs in provider mode and the demo provider's site
 * (src/embed/demo/provider-site.ts) serves the embedding page on another origin and site
 * (http://localhost:<port>, the server being on 127.0.0.1), signing each participant's token.
 * Its results go to qa-results/embed/.
 */
/** Each mode has its own results folder, so the two runs can go side by side. */
const outFor = (embed: boolean) => (embed ? 'qa-results/embed' : 'qa-results');
const CATALOG = 'tests/qa/catalog';
/** A cold start compiles the server and the embedded database's WebAssembly: slow under load. */
const STARTUP_MS = 120_000;

const PROVIDER_SECRET = 'qa-embed-provider-secret-0123456789abcdef';

async function run(argv: string[]): Promise<number> {
  const embed = argv.includes('--embed');
  const extraArgs = argv.filter((arg) => arg !== '--embed');
  const out = outFor(embed);
  if (!existsSync('dist/index.html')) {
    process.stderr.write('dist/ is missing: run `npm run build` first.\n');
    return EXIT.unusable;
  }
  mkdirSync(out, { recursive: true });
  const port = await freePort();
  const providerPort = embed ? await freePort() : undefined;
  const providerEnv = providerPort
    ? {
        RUNTUT_PROVIDER_SECRET: PROVIDER_SECRET,
        RUNTUT_CORS_ORIGINS: `http://localhost:${providerPort}`,
      }
    : {};
  const dataDir = await mkdtemp(join(tmpdir(), 'runtut-qa-data-'));
  const log = openSync(join(out, 'server.log'), 'w');
  const server = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...providerEnv,
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  let site: ProviderSite | undefined;
  const stop = async () => {
    await site?.stop();
    if (server.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null && server.signalCode === null)
        process.kill(-server.pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const interrupted = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    if (
      !(await waitForHealth(baseUrl, () => server.exitCode !== null || server.signalCode !== null))
    ) {
      const why =
        server.exitCode !== null || server.signalCode !== null
          ? `it exited (code ${String(server.exitCode)}, signal ${String(server.signalCode)})`
          : `no answer from /api/v1/health within ${STARTUP_MS / 1000} s`;
      process.stderr.write(
        `The product did not start on ${baseUrl}: ${why} (see ${out}/server.log).\n`,
      );
      return EXIT.unusable;
    }
    process.stdout.write(
      `Product started at ${baseUrl} (data in ${dataDir}, log ${out}/server.log)\n`,
    );
    const embedArgs: string[] = [];
    if (providerPort) {
      site = await startProviderSite({
        runtutUrl: baseUrl,
        secret: PROVIDER_SECRET,
        port: providerPort,
      });
      embedArgs.push(
        '--embed-url',
        `${site.url}/?participant={participant}&course={course}&lesson={lesson}&lang={lang}`,
      );
      process.stdout.write(`Provider site at ${site.url}, embedding the player\n`);
    }
    // Two scripts at a time keep a 2-core CI machine busy without starving media playback.
    const args = [
      ...embedArgs,
      CATALOG,
      '--base-url',
      baseUrl,
      '--out',
      out,
      '--junit',
      join(out, 'junit.xml'),
      '--workers',
      '2',
    ];
    // Without --embed this is the player's own page, whatever QA_EMBED_URL the shell carries.
    return await main(
      [...args, ...extraArgs],
      embed ? process.env : { ...process.env, QA_EMBED_URL: '' },
    );
  } finally {
    await stop();
  }
}

async function waitForHealth(baseUrl: string, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline && !exited()) {
    const up = await fetch(`${baseUrl}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT.unusable);
  },
);
