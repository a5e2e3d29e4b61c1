/**
 * Console addresses: /console (sign in, then the first course), /console/c/<course>
 * (overview), /console/c/<course>/participants, /console/c/<course>/p/<participant>.
 * `?lang=en` picks English. No state lives anywhere else: a reload shows the same page.
 */
export type ConsoleRoute =
  | { page: 'home' }
  | { page: 'overview'; courseId: string }
  | { page: 'participants'; courseId: string }
  | { page: 'participant'; courseId: string; participantId: string };

export function parseConsoleRoute(pathname: string): ConsoleRoute {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'console' || parts[1] !== 'c' || !parts[2]) return { page: 'home' };
  const courseId = parts[2];
  if (parts[3] === 'participants') return { page: 'participants', courseId };
  if (parts[3] === 'p' && parts[4])
    return { page: 'participant', courseId, participantId: parts[4] };
  return { page: 'overview', courseId };
}

export function consolePath(route: ConsoleRoute): string {
  if (route.page === 'home') return '/console';
  const course = `/console/c/${encodeURIComponent(route.courseId)}`;
  if (route.page === 'participants') return `${course}/participants`;
  if (route.page === 'participant') return `${course}/p/${encodeURIComponent(route.participantId)}`;
  return course;
}
