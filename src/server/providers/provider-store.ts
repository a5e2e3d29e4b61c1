import type { Queryable } from '../db/database.ts';

/** Providers and their embedding origins, as rows; the CLI and the directory share this SQL. */
export interface StoredProvider {
  id: string;
  name: string;
  createdAt: Date;
  origins: string[];
}

interface ProviderRow {
  id: string;
  name: string;
  created_at: Date;
  origins: string[] | null;
}

const SELECT = `SELECT p.id, p.name, p.created_at,
    (SELECT array_agg(o.origin ORDER BY o.origin) FROM provider_origins o WHERE o.provider_id = p.id)
      AS origins
  FROM providers p`;

const toProvider = (row: ProviderRow): StoredProvider => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.created_at),
  origins: row.origins ?? [],
});

export async function insertProvider(
  db: Queryable,
  id: string,
  name: string,
  nowMs: number,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO providers (id, name, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, name, new Date(nowMs).toISOString()],
  );
  return rows.length === 1;
}

export async function findProvider(db: Queryable, id: string): Promise<StoredProvider | undefined> {
  const { rows } = await db.query<ProviderRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] && toProvider(rows[0]);
}

export async function listProviders(db: Queryable): Promise<StoredProvider[]> {
  const { rows } = await db.query<ProviderRow>(`${SELECT} ORDER BY p.id`);
  return rows.map(toProvider);
}

export async function addOrigin(db: Queryable, providerId: string, origin: string): Promise<void> {
  await db.query(
    `INSERT INTO provider_origins (provider_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [providerId, origin],
  );
}

export async function removeOrigin(
  db: Queryable,
  providerId: string,
  origin: string,
): Promise<boolean> {
  const { rows } = await db.query<{ origin: string }>(
    `DELETE FROM provider_origins WHERE provider_id = $1 AND origin = $2 RETURNING origin`,
    [providerId, origin],
  );
  return rows.length > 0;
}

/** Whether any stored provider allows this origin (CORS answers before it knows the caller). */
export async function isStoredOrigin(db: Queryable, origin: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM provider_origins WHERE origin = $1 LIMIT 1`, [
    origin,
  ]);
  return rows.length > 0;
}
