import { Hono } from 'hono';
import type { CourseCatalog } from '../courses/course-catalog.ts';
import { createCompressionCache } from '../static/compression-cache.ts';
import { serveJsonText } from '../static/serve-text.ts';
import { staticRoutes } from './static.ts';

/**
 * Serves the catalog's courses: `course.json` from the catalog's last good copy (so a half-written
 * or broken file in COURSES_DIR never reaches participants), compressed and revalidated like
 * every text file; every other file from the course's folder with the same headers as the rest
 * of the static files. Courses the catalog does not serve fall through to the built app's files.
 */
export function courseFileRoutes(courses: CourseCatalog, coursesDir: string | undefined) {
  const files = coursesDir === undefined ? undefined : staticRoutes(coursesDir);
  const cache = createCompressionCache();
  return new Hono().on(['GET', 'HEAD'], '/courses/:courseId/*', async (c, next) => {
    const courseId = c.req.param('courseId');
    if (courses.get(courseId) === undefined) return next();
    const url = new URL(c.req.url);
    const rest = url.pathname.slice(`/courses/${courseId}`.length);
    if (rest === '/course.json')
      return serveJsonText(c, JSON.stringify(courses.sourceOf(courseId)), 'no-cache', cache);
    if (!files) return next();
    url.pathname = `/${courseId}${rest}`;
    return files.fetch(new Request(url, c.req.raw));
  });
}
