/**
 * A metrics label for a request path with bounded cardinality: the API's own paths as they
 * are, report paths without their course id, anything else as `static` or `api-other`.
 */
const API_PATHS = new Set([
  '/api/v1/events',
  '/api/v1/progress',
  '/api/v1/session',
  '/api/v1/clock-ticket',
  '/api/v1/health',
  '/api/v1/ready',
]);

export function routeLabel(path: string): string {
  if (API_PATHS.has(path)) return path;
  if (path.startsWith('/api/v1/reports/')) return '/api/v1/reports/*';
  return path.startsWith('/api/') ? 'api-other' : 'static';
}
