import { spawn } from 'node:child_process';
import { freePort } from '../../../src/qa/free-port.ts';

export interface HarnessServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export const HARNESS_PATH = '/tests/e2e/harness/player.html';

const answers = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/**
 * The vite dev server for the player harness (the built app does not contain the harness).
 * RUNTUT_HARNESS_URL reuses a server that is already running, e.g. `npx vite --port 5199`.
 */
export async function startHarnessServer(): Promise<HarnessServer> {
  const given = process.env.RUNTUT_HARNESS_URL;
  if (given) {
    if (!(await answers(`${given}${HARNESS_PATH}`))) throw new Error(`no harness at ${given}`);
    return { baseUrl: given, stop: async () => {} };
  }
  const port = await freePort();
  const child = spawn('node_modules/.bin/vite', ['--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${baseUrl}${HARNESS_PATH}`))) {
    if (child.exitCode !== null) throw new Error(`vite exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('vite did not start in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    async stop() {
      if (!child.pid || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
  };
}
