import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/**
 * Report API keys. Only the SHA-256 of a key is stored: a key has 192 random bits, so a plain
 * hash is enough (no slow KDF needed), and a database dump reveals no usable key. The key itself
 * is shown once, when it is made.
 */
export const hashReportKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface StoredReportKey {
  keyId: string;
  label: string;
  createdAt: Date;
}

export async function createReportKey(
  db: Queryable,
  providerId: string,
  label: string,
  nowMs: number,
): Promise<{ keyId: string; key: string }> {
  const keyId = randomBytes(4).toString('hex');
  const key = `rk_${keyId}_${randomBytes(24).toString('base64url')}`;
  await db.query(
    `INSERT INTO provider_report_keys (key_id, provider_id, key_hash, label, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [keyId, providerId, hashReportKey(key), label, new Date(nowMs).toISOString()],
  );
  return { keyId, key };
}

/** Deletes the key: the next request with it is refused. */
export async function deleteReportKey(
  db: Queryable,
  providerId: string,
  keyId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `DELETE FROM provider_report_keys WHERE provider_id = $1 AND key_id = $2 RETURNING key_id`,
    [providerId, keyId],
  );
  return rows.length > 0;
}

export async function providerOfReportKey(db: Queryable, key: string): Promise<string | undefined> {
  const { rows } = await db.query<{ provider_id: string }>(
    `SELECT provider_id FROM provider_report_keys WHERE key_hash = $1`,
    [hashReportKey(key)],
  );
  return rows[0]?.provider_id;
}

export async function listReportKeys(
  db: Queryable,
  providerId: string,
): Promise<StoredReportKey[]> {
  const { rows } = await db.query<{ key_id: string; label: string; created_at: Date }>(
    `SELECT key_id, label, created_at FROM provider_report_keys WHERE provider_id = $1
     ORDER BY created_at, key_id`,
    [providerId],
  );
  return rows.map((row) => ({
    keyId: row.key_id,
    label: row.label,
    createdAt: new Date(row.created_at),
  }));
}
