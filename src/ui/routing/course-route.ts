/**
 * URLs: /c/<courseId> opens a course at the lesson to watch next; /c/<courseId>/<lessonId> asks
 * for one lesson (refused while it is locked). `?lang=en` picks English; `?launch=<jwt>` carries a
 * provider's launch token.
 */
export interface CourseRoute {
  courseId: string;
  lessonId: string | null;
}

export const DEFAULT_COURSE_ID = 'sample';

export function parseCourseRoute(pathname: string): CourseRoute {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'c' && parts[1]) return { courseId: parts[1], lessonId: parts[2] ?? null };
  return { courseId: DEFAULT_COURSE_ID, lessonId: null };
}

export function lessonPath(courseId: string, lessonId: string): string {
  return `/c/${encodeURIComponent(courseId)}/${encodeURIComponent(lessonId)}`;
}

/** Changes the address bar to the lesson without reloading, keeping the query string. */
export function showLessonInAddressBar(
  courseId: string,
  lessonId: string,
  mode: 'push' | 'replace',
) {
  const url = `${lessonPath(courseId, lessonId)}${window.location.search}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (mode === 'push') window.history.pushState({ lessonId }, '', url);
  else window.history.replaceState({ lessonId }, '', url);
}
