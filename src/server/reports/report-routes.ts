import { Hono, type Context } from 'hono';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import { completionRows, toCsv, type StoredCompletion } from './completion-report.ts';
import { courseOverview, LESSON_COLUMNS, lessonTableRows } from './course-overview.ts';
import { createKeyAttempts, type KeyAttempts } from './key-attempts.ts';
import { MAX_CSV_PAGE, MAX_PAGE, parseParticipantQuery } from './participant-cursor.ts';
import { LESSON_STANDING_COLUMNS, participantDetail, segmentsText } from './participant-detail.ts';
import { countMatches, PARTICIPANT_COLUMNS, participantPage } from './participant-page.ts';
import { providerCourses, scopedCourse } from './provider-courses.ts';
import { requireReportAccess, type ReportEnv } from './report-access.ts';
import { csvResponse, formatOf, tableCsv } from './table-csv.ts';

const generatedAt = (config: ServerConfig) => new Date(config.now()).toISOString();

/**
 * The provider report API (docs/server-api.md): every call is scoped to the caller's provider,
 * a course it does not publish is answered as unknown, and each table comes as JSON or as CSV
 * with the same columns. The console reads exactly these calls.
 */
export function reportApiRoutes(
  db: Database,
  config: ServerConfig,
  attempts: KeyAttempts = createKeyAttempts(),
) {
  const app = new Hono<ReportEnv>();
  app.use('/api/v1/reports/*', requireReportAccess(db, config, attempts));
  const courseOf = (c: Context<ReportEnv>) =>
    scopedCourse(config, c.var.provider, c.req.param('courseId') ?? '');

  app.get('/api/v1/reports/courses', (c) =>
    c.json({ provider: c.var.provider.id, courses: providerCourses(config, c.var.provider) }),
  );

  app.get('/api/v1/reports/courses/:courseId/completions', async (c) => {
    const format = formatOf(c);
    if (format instanceof Response) return format;
    const course = courseOf(c);
    if (!course) return apiError(c, 404, 'course-unknown');
    const { rows } = await db.query<StoredCompletion>(
      `SELECT participant_id, lesson_id, completed_at, coverage, watched_seconds, flags
       FROM lesson_progress WHERE course_id = $1 AND completed_at IS NOT NULL`,
      [course.id],
    );
    const completions = completionRows(course, rows);
    if (format === 'json')
      return c.json({ courseId: course.id, generatedAt: generatedAt(config), completions });
    return csvResponse(c, `${course.id}-completions`, toCsv(completions));
  });

  app.get('/api/v1/reports/courses/:courseId/overview', async (c) => {
    const course = courseOf(c);
    if (!course) return apiError(c, 404, 'course-unknown');
    return c.json({ ...(await courseOverview(db, course)), generatedAt: generatedAt(config) });
  });

  app.get('/api/v1/reports/courses/:courseId/lessons', async (c) => {
    const format = formatOf(c);
    if (format instanceof Response) return format;
    const course = courseOf(c);
    if (!course) return apiError(c, 404, 'course-unknown');
    const overview = await courseOverview(db, course);
    if (format === 'json')
      return c.json({
        courseId: course.id,
        generatedAt: generatedAt(config),
        lessons: overview.lessons,
      });
    return csvResponse(
      c,
      `${course.id}-lessons`,
      tableCsv(LESSON_COLUMNS, lessonTableRows(overview)),
    );
  });

  app.get('/api/v1/reports/courses/:courseId/flags', async (c) => {
    const format = formatOf(c);
    if (format instanceof Response) return format;
    const course = courseOf(c);
    if (!course) return apiError(c, 404, 'course-unknown');
    const { flags } = await courseOverview(db, course);
    if (format === 'json')
      return c.json({ courseId: course.id, generatedAt: generatedAt(config), flags });
    return csvResponse(c, `${course.id}-flags`, tableCsv(['flag', 'events'], flags));
  });

  app.get('/api/v1/reports/courses/:courseId/participants', async (c) => {
    const format = formatOf(c);
    if (format instanceof Response) return format;
    const course = courseOf(c);
    if (!course) return apiError(c, 404, 'course-unknown');
    const query = parseParticipantQuery(c.req.query(), format === 'csv' ? MAX_CSV_PAGE : MAX_PAGE);
    if (!query) return apiError(c, 400, 'bad-query');
    const page = await participantPage(db, course, query);
    if (page.nextCursor) c.header('X-Next-Cursor', page.nextCursor);
    if (format === 'csv')
      return csvResponse(c, `${course.id}-participants`, tableCsv(PARTICIPANT_COLUMNS, page.rows));
    const { matches, capped } = await countMatches(db, course.id, query.q);
    return c.json({
      courseId: course.id,
      generatedAt: generatedAt(config),
      sort: query.sort,
      order: query.order,
      q: query.q,
      matches,
      matchesCapped: capped,
      participants: page.rows,
      nextCursor: page.nextCursor,
    });
  });

  app.get('/api/v1/reports/courses/:courseId/participants/:participantId', async (c) => {
    const format = formatOf(c);
    if (format instanceof Response) return format;
    const course = courseOf(c);
    if (!course) return apiError(c, 404, 'course-unknown');
    const detail = await participantDetail(db, course, c.req.param('participantId'));
    if (!detail) return apiError(c, 404, 'participant-unknown');
    if (format === 'json') return c.json({ ...detail, generatedAt: generatedAt(config) });
    const rows = detail.lessons.map((lesson) => ({
      ...lesson,
      segments: segmentsText(lesson.segments),
    }));
    return csvResponse(
      c,
      `${course.id}-${detail.participant.participantId.replace(/[^A-Za-z0-9_-]/g, '_')}`,
      tableCsv(LESSON_STANDING_COLUMNS, rows),
    );
  });
  return app;
}
