import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh database on the throwaway PostgreSQL (scripts/with-postgres.sh) for one run. */
export async function freshDatabase(): Promise<{ url: string; host: string; port: number }> {
  const base = process.env.DATABASE_URL_TEST;
  if (!base)
    throw new Error(
      'load runs need PostgreSQL: run them as scripts/with-postgres.sh vitest run --config vitest.load.config.ts',
    );
  const name = `load_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), host: url.hostname, port: Number(url.port) };
}

/** The same database reached through another port (the stallable proxy). */
export function throughPort(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.port = String(port);
  return url.toString();
}
