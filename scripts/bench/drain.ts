/**
 * Bench section: how long the outbox takes to drain 10,000 events queued offline, from a real
 * headless Chromium over loopback to the real server (`tsx src/server/main.ts`, embedded
 * PostgreSQL in a temporary DATA_DIR). The page is this repository's sync code, built by Vite
 * and served by that same server, so requests are same-origin as in production. Seeding the
 * backlog is not timed; the figure runs from startSync() until the status reads synced with
 * nothing pending. Afterwards the server's database is opened to check it holds every event once.
 *
 *   npx tsx scripts/bench/drain.ts            (prints the figure)
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { openPgliteDatabase } from '../../src/server/db/pglite-database.ts';
import type { Identity } from '../../src/sync/identity.ts';
import type { DrainRun } from './drain-page.ts';
import { CHROMIUM_ARGS } from '../../src/qa/browser-session.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EVENTS = 10_000;

export interface DrainFigure {
  events: number;
  seconds: number;
  via: string;
}

/** A provider launch token issued days ago, so the server credits days of offline play. */
function launchToken(secret: string, participantId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: participantId, iat: now - 3 * 86_400, exp: now + 86_400 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

async function buildPage(outDir: string, workDir: string): Promise<void> {
  const source = join(workDir, 'page');
  mkdirSync(source, { recursive: true });
  writeFileSync(
    join(source, 'index.html'),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>drain bench</title>
<script type="module" src="./entry.ts"></script>`,
  );
  writeFileSync(
    join(source, 'entry.ts'),
    `import ${JSON.stringify(join(ROOT, 'scripts/bench/drain-page.ts'))};\n`,
  );
  await build({
    configFile: false,
    root: source,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: true },
  });
}

interface StartedServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<StartedServer> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${String(code)}: ${output}`)),
    );
  });
  return {
    baseUrl,
    async stop() {
      if (!child.pid || child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

/** Events the server stored for the participant, read from its (stopped) embedded database. */
async function storedEvents(
  dataDir: string,
  participantId: string,
): Promise<{ rows: number; unique: number }> {
  const db = await openPgliteDatabase(join(dataDir, 'pglite'));
  try {
    const { rows } = await db.query<{ rows: number; unique: number }>(
      'SELECT count(*)::int AS rows, count(DISTINCT id)::int AS unique FROM events WHERE participant_id = $1',
      [participantId],
    );
    return rows[0] ?? { rows: 0, unique: 0 };
  } finally {
    await db.close();
  }
}

export async function benchDrain(): Promise<DrainFigure> {
  const work = mkdtempSync(join(tmpdir(), 'runtut-drain-'));
  const dataDir = join(work, 'data');
  const site = join(work, 'site');
  const secret = 'drain-bench-provider-secret-0123456789';
  const participantId = `bench-${crypto.randomUUID()}`;
  const identity: Identity = {
    participantId,
    token: launchToken(secret, participantId),
    mode: 'provider',
  };
  let server: StartedServer | undefined;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const step = (what: string) =>
      console.error(`drain bench: ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const t0 = performance.now();
    await buildPage(site, work);
    step('page built');
    server = await startServer({
      DATA_DIR: dataDir,
      STATIC_DIR: site,
      COURSES_DIR: join(ROOT, 'tests/sync/fixtures/courses'),
      RUNTUT_PROVIDER_SECRET: secret,
    });
    step('server up');
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error')
        console.error(`page: ${message.text()}`);
    });
    await page.goto(`${server.baseUrl}/index.html`);
    await page.waitForFunction(() => window.runtutDrain !== undefined);
    const pending = await page.evaluate(([who, count]) => window.runtutDrain!.seed(who, count), [
      identity,
      EVENTS,
    ] as const);
    if (pending !== EVENTS) throw new Error(`seeded ${pending} events, wanted ${EVENTS}`);
    step(`${EVENTS} events queued in IndexedDB`);
    const run: DrainRun = await page.evaluate(([who]) => window.runtutDrain!.drain(who, 600_000), [
      identity,
    ] as const);
    step('drained');
    await server.stop();
    server = undefined;
    const stored = await storedEvents(dataDir, participantId);
    if (stored.rows !== EVENTS || stored.unique !== EVENTS) {
      throw new Error(
        `server holds ${stored.rows} rows (${stored.unique} unique), wanted ${EVENTS}`,
      );
    }
    return {
      events: EVENTS,
      seconds: Math.round(run.milliseconds) / 1000,
      via: 'headless Chromium (real IndexedDB, Web Locks) -> loopback HTTP -> tsx src/server/main.ts (embedded PostgreSQL); batches of 200',
    };
  } finally {
    await browser.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function describeFigure(figure: DrainFigure): string {
  return (
    `${figure.events.toLocaleString('en')} queued events delivered in ${figure.seconds.toFixed(2)} s ` +
    `(${Math.round(figure.events / figure.seconds)} events/s) via ${figure.via}`
  );
}

/** For scripts/bench.ts: the same shape as its BenchSection. */
export const drainSection = {
  title: 'Outbox drain (browser -> server, loopback)',
  run: async (): Promise<string[]> => [describeFigure(await benchDrain())],
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`drain: ${describeFigure(await benchDrain())}`);
}
