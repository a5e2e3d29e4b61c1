import pg from 'pg';
import { classifyDatabaseError, type Database, type Queryable } from './database.ts';

export interface PgOptions {
  connectionString: string;
  /** Sets search_path on every connection (tests use one schema per file). */
  schema?: string | undefined;
  max?: number;
  /** Server-side limit per statement (PostgreSQL statement_timeout); 0 = none. */
  statementTimeoutMs?: number;
  /** Waiting longer than this for a free pooled connection fails the request with 503. */
  connectionTimeoutMs?: number;
  /**
   * Behind PgBouncer: send no session settings at connect (PgBouncer refuses unknown startup
   * parameters); set statement_timeout on the database role instead (docs/deployment.md).
   */
  pooler?: 'pgbouncer' | undefined;
}

/** Pool defaults that keep a process bounded (docs/deployment.md: pool sizes). */
export const PG_POOL_DEFAULTS = { max: 10, statementTimeoutMs: 5_000, connectionTimeoutMs: 5_000 };

/** A real PostgreSQL server through a connection pool. */
export async function openPgDatabase(options: PgOptions): Promise<Database> {
  const statementTimeout = options.statementTimeoutMs ?? PG_POOL_DEFAULTS.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? PG_POOL_DEFAULTS.max,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? PG_POOL_DEFAULTS.connectionTimeoutMs,
    // Both ends: the server cancels a long statement; the client gives up on a stalled socket
    // (a network stall sends no error) a little later, so the request can answer 503.
    ...(statementTimeout > 0 ? { query_timeout: statementTimeout + 2_000 } : {}),
    ...(statementTimeout > 0 && options.pooler !== 'pgbouncer'
      ? { statement_timeout: statementTimeout, idle_in_transaction_session_timeout: 30_000 }
      : {}),
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let closed = false;
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]).catch(classifyDatabaseError);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string) {
      await client.query(sql).catch(classifyDatabaseError);
    },
  });
  const database: Database = {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect().catch(classifyDatabaseError);
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await work(wrap(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        return classifyDatabaseError(error);
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  await database.query('SELECT 1');
  return database;
}
