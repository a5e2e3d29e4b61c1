import { Hono, type Context } from 'hono';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import { subjectOf } from '../providers/participant-key.ts';
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
  /** Stored participant ids carry the provider's prefix; the provider sees and asks by its own. */
  const prefixOf = (c: Context<ReportEnv>) => c.var.provider.participantPrefix ?? '';
  const ownId = (c: Context<ReportEnv>, stored: string) =>
    prefixOf(c) ? subjectOf(c.var.provider.id, stored) : stored;
  // A course's participants are all its provider's, so only a search needs the prefix.
  const storedQuery = (c: Context<ReportEnv>, q: string) => (q === '' ? '' : prefixOf(c) + q);
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
    const completions = completionRows(
      course,
      rows.map((row) => ({ ...row, participant_id: ownId(c, row.participant_id) })),
    );
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
    const stored = await participantPage(db, course, { ...query, q: storedQuery(c, query.q) });
    const page = {
      ...stored,
      rows: stored.rows.map((row) => ({ ...row, participantId: ownId(c, row.participantId) })),
    };
    if (page.nextCursor) c.header('X-Next-Cursor', page.nextCursor);
    if (format === 'csv')
      return csvResponse(c, `${course.id}-participants`, tableCsv(PARTICIPANT_COLUMNS, page.rows));
    const { matches, capped } = await countMatches(db, course.id, storedQuery(c, query.q));
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
    const found = await participantDetail(db, course, prefixOf(c) + c.req.param('participantId'));
    if (!found) return apiError(c, 404, 'participant-unknown');
    const detail = {
      ...found,
      participant: {
        ...found.participant,
        participantId: ownId(c, found.participant.participantId),
      },
    };
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
