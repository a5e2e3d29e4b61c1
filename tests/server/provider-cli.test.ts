import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, verify } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as provider } from '../../src/cli/provider/provider-command.ts';
import { run as token } from '../../src/cli/token-command.ts';
import { openPgliteDatabase } from '../../src/server/db/pglite-database.ts';
import { pgliteTemplate } from './support/test-databases.ts';

/** Runs a command in-process on the test's DATA_DIR; what it printed and its exit code. */
async function cli(command: (args: string[]) => Promise<number>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((line: string) => void err.push(line));
  try {
    const code = await command(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

// Every command opens the file-backed embedded database, as the real CLI does: seconds each on a
// busy machine.
describe('runtut provider … on the embedded database', { timeout: 120_000 }, () => {
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'runtut-cli-'));
    // Start from the migrated template rather than initdb (seconds on a busy machine).
    const seed = await openPgliteDatabase(join(dataDir, 'pglite'), {
      loadDataDir: await pgliteTemplate(),
    });
    await seed.close();
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    delete process.env.RUNTUT_PROVIDER_SECRET;
  });
  afterAll(async () => {
    process.env = saved;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a provider once, printing its key id and secret', async () => {
    const added = await cli(
      provider,
      'add',
      'acme',
      'Acme Kursus',
      '--origin',
      'https://acme.example/',
    );
    expect(added.code).toBe(0);
    expect(added.out).toMatch(
      /^PROVIDER\s+NAME\s+ORIGINS\s+KID\s+SECRET\nacme\s+Acme Kursus\s+https:\/\/acme\.example\s+acme\.[0-9a-f]{12}\s+\S{43}$/,
    );
    const again = await cli(provider, 'add', 'acme', 'Acme lagi');
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/exists already/) });
  });

  it.each<[string, string[], RegExp]>([
    ['a bad id', ['add', 'Acme!', 'Name'], /provider id/],
    ['a missing argument', ['add-key'], /expected 1 argument/],
    ['an origin with a path', ['add-origin', 'acme', 'https://acme.example/kursus'], /origin only/],
    ['an unknown option', ['list', '--all'], /Unknown option/],
    ['an unknown sub-command', ['delete', 'acme'], /unknown sub-command/],
    ["the demo provider's id", ['add', 'demo', 'Demo'], /configured provider/],
  ])('answers %s with usage (exit 2)', async (_name, args, message) => {
    const result = await cli(provider, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it('makes a report key shown once, lists it by id, and removes it', async () => {
    const made = await cli(provider, 'add-key', 'acme', '--label', 'lms');
    expect(made.code).toBe(0);
    const [, keyId, key] = /acme\s+([0-9a-f]{8})\s+(rk_\S+)/.exec(made.out) ?? [];
    const listed = await cli(provider, 'list');
    expect(listed.out).toContain(keyId);
    expect(listed.out).not.toContain(key);
    expect((await cli(provider, 'remove-key', 'acme', keyId ?? '')).code).toBe(0);
    expect((await cli(provider, 'remove-key', 'acme', keyId ?? '')).code).toBe(1);
  });

  it('rotates the signing secret and signs test tokens with the current one', async () => {
    const rotated = await cli(provider, 'rotate-secret', 'acme', '--grace', '600');
    expect(rotated.code).toBe(0);
    const [, kid, secret] = /^acme\s+(acme\.[0-9a-f]{12})\s+(\S{43})$/m.exec(rotated.out) ?? [];
    expect(rotated.out).toMatch(/verifies tokens issued before/);
    expect((await cli(provider, 'list')).out).toContain(kid);
    const printed = await cli(
      token,
      '--participant',
      'p-1',
      '--course',
      'kursus',
      '--provider',
      'acme',
    );
    expect(printed.code).toBe(0);
    expect(decode(printed.out).header.kid).toBe(kid);
    expect(await verify(printed.out, secret ?? '', 'HS256')).toMatchObject({
      sub: 'p-1',
      course: 'kursus',
      iss: 'acme',
    });
    expect((await cli(token, '--participant', 'p-1')).code).toBe(2);
  });

  it('refuses to open the embedded database while another process holds it', async () => {
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      await writeFile(
        join(dataDir, 'runtut.lock'),
        JSON.stringify({ pid: holder.pid, role: 'Runtut server', since: new Date().toISOString() }),
      );
      const result = await cli(provider, 'list');
      expect(result.code).toBe(1);
      expect(result.err).toMatch(new RegExp(`in use by process ${holder.pid} \\(Runtut server`));
      expect(result.err).toMatch(/DATABASE_URL/);
    } finally {
      holder.kill();
      await rm(join(dataDir, 'runtut.lock'), { force: true });
    }
  });
});
