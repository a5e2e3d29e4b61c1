import { Hono } from 'hono';
import { requireReportKey, type ReportEnv } from '../auth/require-report-key.ts';
import { providersOf, type ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import { subjectOf } from '../providers/participant-key.ts';
import { completionRows, toCsv, type StoredCompletion } from '../reports/completion-report.ts';

/** Completions as the server decided them, for the provider's Prakerja completion reports. */
export function reportRoutes(db: Database, config: ServerConfig) {
  const enabled = config.providers !== undefined || config.reportKey !== undefined;
  return new Hono<ReportEnv>().get(
    '/api/v1/reports/courses/:courseId/completions',
    requireReportKey(providersOf(config), enabled),
    async (c) => {
      const courseId = c.req.param('courseId');
      const format = c.req.query('format') ?? 'json';
      if (format !== 'json' && format !== 'csv') return apiError(c, 400, 'bad-format');
      const course = config.courses.get(courseId);
      if (!course) return apiError(c, 404, 'course-unknown');
      if (!c.var.reportProvider.courseIds.includes(courseId))
        return apiError(c, 403, 'course-other-provider');
      const { rows } = await db.query<StoredCompletion>(
        `SELECT participant_id, lesson_id, completed_at, coverage, watched_seconds, flags
         FROM lesson_progress WHERE course_id = $1 AND completed_at IS NOT NULL`,
        [courseId],
      );
      const provider = c.var.reportProvider.id;
      const completions = completionRows(
        course,
        rows.map((row) => ({ ...row, participant_id: subjectOf(provider, row.participant_id) })),
      );
      c.header('Cache-Control', 'no-store');
      if (format === 'json') {
        return c.json({ courseId, generatedAt: new Date(config.now()).toISOString(), completions });
      }
      c.header('Content-Disposition', `attachment; filename="${courseId}-completions.csv"`);
      return c.body(toCsv(completions), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    },
  );
}
