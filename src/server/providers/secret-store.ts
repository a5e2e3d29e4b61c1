import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/** A launch-token secret, found by the `kid` in a token's header. */
export interface LaunchKey {
  kid: string;
  providerId: string;
  secret: string;
  createdAt: Date;
  /** When a newer secret replaced it: tokens issued later with this one are refused. */
  supersededAt: Date | null;
  /** From then on the secret verifies nothing. */
  retiredAt: Date | null;
}

interface SecretRow {
  kid: string;
  provider_id: string;
  secret: string;
  created_at: Date;
  superseded_at: Date | null;
  retired_at: Date | null;
}

const date = (value: Date | null) => (value === null ? null : new Date(value));
const toKey = (row: SecretRow): LaunchKey => ({
  kid: row.kid,
  providerId: row.provider_id,
  secret: row.secret,
  createdAt: new Date(row.created_at),
  supersededAt: date(row.superseded_at),
  retiredAt: date(row.retired_at),
});
const COLUMNS = 'kid, provider_id, secret, created_at, superseded_at, retired_at';
const iso = (ms: number) => new Date(ms).toISOString();

export interface NewSecret {
  kid: string;
  secret: string;
}

/**
 * Makes a new signing secret for the provider. Its current ones become superseded and retire
 * `graceSeconds` later (or earlier, if already due), so tokens issued before now keep working
 * until they expire, as long as they live no longer than the grace.
 */
export async function issueSecret(
  db: Queryable,
  providerId: string,
  nowMs: number,
  graceSeconds: number,
): Promise<NewSecret> {
  const fresh = {
    kid: `${providerId}.${randomBytes(6).toString('hex')}`,
    secret: randomBytes(32).toString('base64url'),
  };
  await db.query(
    `UPDATE provider_secrets SET superseded_at = $2,
       retired_at = CASE WHEN retired_at IS NULL OR retired_at > $3 THEN $3 ELSE retired_at END
     WHERE provider_id = $1 AND superseded_at IS NULL`,
    [providerId, iso(nowMs), iso(nowMs + graceSeconds * 1000)],
  );
  await db.query(
    `INSERT INTO provider_secrets (kid, provider_id, secret, created_at) VALUES ($1, $2, $3, $4)`,
    [fresh.kid, providerId, fresh.secret, iso(nowMs)],
  );
  return fresh;
}

/** Retires one secret now: tokens signed with it stop at once. */
export async function retireSecret(
  db: Queryable,
  providerId: string,
  kid: string,
  nowMs: number,
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE provider_secrets SET retired_at = $3, superseded_at = COALESCE(superseded_at, $3)
     WHERE provider_id = $1 AND kid = $2 RETURNING kid`,
    [providerId, kid, iso(nowMs)],
  );
  return rows.length > 0;
}

export async function findSecret(db: Queryable, kid: string): Promise<LaunchKey | undefined> {
  const { rows } = await db.query<SecretRow>(
    `SELECT ${COLUMNS} FROM provider_secrets WHERE kid = $1`,
    [kid],
  );
  return rows[0] && toKey(rows[0]);
}

export async function listSecrets(db: Queryable, providerId: string): Promise<LaunchKey[]> {
  const { rows } = await db.query<SecretRow>(
    `SELECT ${COLUMNS} FROM provider_secrets WHERE provider_id = $1 ORDER BY created_at, kid`,
    [providerId],
  );
  return rows.map(toKey);
}

/** The secret the provider signs with now (the newest one not superseded). */
export async function currentSecret(
  db: Queryable,
  providerId: string,
): Promise<LaunchKey | undefined> {
  const keys = await listSecrets(db, providerId);
  return keys.filter((key) => key.supersededAt === null).at(-1);
}
