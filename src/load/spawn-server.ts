import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../qa/free-port.ts';
import { sleep } from './load-http.ts';

export interface SpawnedServer {
  url: string;
  /** The process group's leader (the tree below it is the whole server). */
  pid: number;
  /** pids of the API processes (the workers under WORKERS>1) that are alive now, as logged. */
  workerPids(): number[];
  log: string[];
  stop(): Promise<void>;
}

/**
 * Starts `tsx src/server/main.ts` as its own process group, on a free loopback port, with the
 * load course and no address limit (every simulated phone comes from 127.0.0.1), and waits
 * until /api/v1/ready answers.
 */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: '/nonexistent',
      COURSES_DIR: 'scripts/load/courses',
      RATE_LIMIT_ADDRESS_BURST: '0',
      LOG_REQUESTS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: string[] = [];
  const alive = new Set<number>();
  const listen = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      log.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; pid?: number };
        if (entry.msg?.startsWith('Runtut listening') && entry.pid) alive.add(entry.pid);
      } catch {
        // not a JSON line (course warnings)
      }
    }
  };
  child.stdout?.on('data', listen);
  child.stderr?.on('data', listen);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log.slice(-5).join('\n')}`);
    const ready = await fetch(`${url}/api/v1/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('server did not become ready in 120 s');
    await sleep(200);
  }
  return {
    url,
    pid: child.pid ?? 0,
    log,
    workerPids: () =>
      [...alive].filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      }),
    async stop() {
      if (!child.pid || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
