import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';

/**
 * The secret that signs demo session tokens: RUNTUT_JWT_SECRET if set, else a random one made on
 * first start and kept in the database, so tokens survive restarts.
 */
export async function ensureSessionSecret(db: Database, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db.query(
    `INSERT INTO server_settings (key, value) VALUES ('session_jwt_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const { rows } = await db.query<{ value: string }>(
    `SELECT value FROM server_settings WHERE key = 'session_jwt_secret'`,
  );
  const secret = rows[0]?.value;
  if (!secret) throw new Error('session secret missing after insert');
  return secret;
}
