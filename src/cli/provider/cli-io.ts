import { readEnv } from '../../server/config.ts';
import { DataDirBusyError } from '../../server/db/data-dir-lock.ts';
import type { Database } from '../../server/db/database.ts';
import { openDatabase } from '../../server/db/open-database.ts';

/** What a provider sub-command gets: the server's database, output, and the clock. */
export interface CliIo {
  /** Opened on first use, so a usage error never waits for (or locks) the database. */
  database(): Promise<Database>;
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => number;
}

/** A command's outcome: 0 ok, 1 failure, 2 usage (scripts may trust these). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** The command could not run (the database is busy or unreachable): exit 1 with this message. */
export class CliFailure extends Error {}

/**
 * Opens the database the server uses (DATABASE_URL, else the embedded one in DATA_DIR). The
 * embedded one serves one process at a time: while the server runs on it, this fails with a
 * message saying so (data-dir-lock.ts); on PostgreSQL both work side by side.
 */
export async function openServerDatabase(role: string): Promise<Database | string> {
  const settings = readEnv(process.env);
  try {
    return await openDatabase({ ...settings, role });
  } catch (error) {
    if (error instanceof DataDirBusyError) return error.message;
    throw error;
  }
}

/** Formats rows as an aligned text table with a header line. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
