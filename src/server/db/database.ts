/**
 * The one database interface the server uses, with two adapters: the embedded PGlite and a real
 * PostgreSQL server. Both run the same SQL.
 */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database cannot serve requests right now (closed, unreachable, disk full): answer 503. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'DatabaseUnavailableError';
  }
}

// SQLSTATE classes: 08 connection, 53 insufficient resources (53100 disk full), 57 operator
// intervention (shutdown), 58 system error (I/O).
const UNAVAILABLE_STATES = /^(08|53|57|58)/;
const UNAVAILABLE_MESSAGES =
  /closed|Cannot use a pool|Connection terminated|ECONNREFUSED|ECONNRESET|ENOSPC|not queryable|timeout exceeded when trying to connect|Query read timeout|the database system is (starting up|shutting down)/i;

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || /^E[A-Z]+$/.test(code)))
    return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/** Rethrows infrastructure failures as {@link DatabaseUnavailableError}; other errors unchanged. */
export function classifyDatabaseError(error: unknown): never {
  throw isUnavailable(error)
    ? error instanceof DatabaseUnavailableError
      ? error
      : new DatabaseUnavailableError(error)
    : error;
}
