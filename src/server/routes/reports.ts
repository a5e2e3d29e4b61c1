import { Hono } from 'hono';
import { requireReportKey } from '../auth/require-report-key.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import { completionRows, toCsv, type StoredCompletion } from '../reports/completion-report.ts';

/** Completions as the server decided them, for the provider's Prakerja completion reports. */
export function reportRoutes(db: Database, config: ServerConfig) {
  return new Hono().get(
    '/api/v1/reports/courses/:courseId/completions',
    requireReportKey(config.reportKey),
    async (c) => {
      const courseId = c.req.param('courseId');
      const format = c.req.query('format') ?? 'json';
      if (format !== 'json' && format !== 'csv') return apiError(c, 400, 'bad-format');
      const course = config.courses.get(courseId);
      if (!course) return apiError(c, 404, 'course-unknown');
      const { rows } = await db.query<StoredCompletion>(
        `SELECT participant_id, lesson_id, completed_at, coverage, watched_seconds, flags
         FROM lesson_progress WHERE course_id = $1 AND completed_at IS NOT NULL`,
        [courseId],
      );
      const completions = completionRows(course, rows);
      c.header('Cache-Control', 'no-store');
      if (format === 'json') {
        return c.json({ courseId, generatedAt: new Date(config.now()).toISOString(), completions });
      }
      c.header('Content-Disposition', `attachment; filename="${courseId}-completions.csv"`);
      return c.body(toCsv(completions), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    },
  );
}
