import { Hono } from 'hono';
import type { Segment } from '../../domain/played-segments.ts';
import { reachOfCourse } from '../../domain/provider-scope.ts';
import { subjectOf } from '../providers/participant-key.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';

interface ProgressRow {
  lesson_id: string;
  credited_segments: Segment[];
  watched_seconds: number;
  coverage: number;
  position: number;
  completed_at: Date | null;
  flags: string[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The server's own view of a participant's course, in course order, so a new phone can restore it. */
export function progressRoutes(db: Database, config: ServerConfig) {
  return new Hono<AppEnv>().get('/api/v1/progress', async (c) => {
    const identity = c.var.identity;
    const courseId = c.req.query('course');
    if (!courseId) return apiError(c, 400, 'course-required');
    const asked = c.req.query('participant') ?? c.req.query('participantId');
    const own = subjectOf(identity.providerId, identity.participantId);
    if (asked !== undefined && asked !== identity.participantId && asked !== own)
      return apiError(c, 403, 'participant-not-allowed');
    const course = config.courses.get(courseId);
    if (!course) return apiError(c, 404, 'course-unknown');
    const reach = reachOfCourse(identity, {
      id: courseId,
      providerId: config.courses.providerOf(courseId) ?? '',
    });
    if (reach === 'other-provider') return apiError(c, 403, 'course-other-provider');
    if (reach === 'other-course') return apiError(c, 403, 'course-not-allowed');
    const { rows } = await db.query<ProgressRow>(
      `SELECT lesson_id, credited_segments, watched_seconds, coverage, position, completed_at, flags
       FROM lesson_progress WHERE participant_id = $1 AND course_id = $2`,
      [identity.participantId, courseId],
    );
    const byLesson = new Map(rows.map((row) => [row.lesson_id, row]));
    return c.json({
      courseId,
      lessons: course.lessons.map((lesson) => {
        const row = byLesson.get(lesson.id);
        return {
          lessonId: lesson.id,
          completedAt: row?.completed_at ? new Date(row.completed_at).toISOString() : null,
          watchedSeconds: round(row?.watched_seconds ?? 0, 3),
          coverage: round(row?.coverage ?? 0, 4),
          position: row?.position ?? 0,
          segments: row?.credited_segments ?? [],
          flags: row?.flags ?? [],
        };
      }),
    });
  });
}
