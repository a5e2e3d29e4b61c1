import type { Context } from 'hono';
import { apiError } from '../http/api-error.ts';

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. A text starting with = + - @
 * (or a tab or CR) is prefixed with ' so a spreadsheet shows it instead of running it as a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Cell = string | number | boolean | null | readonly string[];

/** CSV of `rows` with exactly `columns`, in that order (arrays joined with `;`), CRLF lines. */
export function tableCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  const lines = [columns.join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => {
          const value = row[column] as Cell;
          if (value === null) return '';
          if (typeof value === 'boolean') return String(value);
          return csvField(Array.isArray(value) ? value.join(';') : (value as string | number));
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export type ReportFormat = 'json' | 'csv';

export function formatOf(c: Context): ReportFormat | Response {
  const format = c.req.query('format') ?? 'json';
  return format === 'json' || format === 'csv' ? format : apiError(c, 400, 'bad-format');
}

/** A CSV download named after the table. */
export function csvResponse(c: Context, fileName: string, body: string): Response {
  c.header('Content-Disposition', `attachment; filename="${fileName}.csv"`);
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}
