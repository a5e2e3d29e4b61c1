import { open, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded database (PGlite) is one process's files: a second process opening the same data
 * directory would corrupt it. Whoever opens it (the server, or a CLI command) holds
 * `DATA_DIR/runtut.lock` with its pid; a lock whose process is gone is stale and taken over.
 */
export class DataDirBusyError extends Error {
  constructor(dir: string, holder: LockHolder) {
    super(
      `the embedded database in ${dir} is in use by process ${holder.pid} (${holder.role}, since ${holder.since}). ` +
        'PGlite allows one process at a time: stop that process and run this again, or use ' +
        'PostgreSQL (DATABASE_URL), where the server and the CLI work side by side.',
    );
    this.name = 'DataDirBusyError';
  }
}

interface LockHolder {
  pid: number;
  role: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number'
      ? { pid: holder.pid, role: String(holder.role), since: String(holder.since) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data directory for this process; resolves to the function that gives it back. */
export async function lockDataDir(dir: string, role: string): Promise<() => Promise<void>> {
  const file = join(dir, 'runtut.lock');
  const mine: LockHolder = { pid: process.pid, role, since: new Date().toISOString() };
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(JSON.stringify(mine));
    await handle.close();
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    const holder = await readHolder(file);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid))
      throw new DataDirBusyError(dir, holder);
    await writeFile(file, JSON.stringify(mine));
  }
  return async () => {
    if ((await readHolder(file))?.pid === process.pid) await unlink(file).catch(() => undefined);
  };
}
