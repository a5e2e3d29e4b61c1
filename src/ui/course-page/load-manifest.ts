import { parseCourseManifest } from '../../domain/course-manifest.ts';
import type { CourseLoad } from '../../store/course-slice.ts';

export function manifestUrlOf(courseId: string): string {
  return new URL(`/courses/${encodeURIComponent(courseId)}/course.json`, window.location.origin)
    .href;
}

/** Fetches and validates a course manifest; every failure becomes a state the page can explain. */
export async function loadManifest(courseId: string): Promise<CourseLoad> {
  const manifestUrl = manifestUrlOf(courseId);
  let response: Response;
  try {
    // No headers of its own: the page's `Link: rel=preload` fetch is reused only if it matches.
    response = await fetch(manifestUrl);
  } catch (error) {
    return { status: 'unreachable', reason: 'network', detail: String(error) };
  }
  if (response.status === 404) return { status: 'unreachable', reason: 'not-found', detail: '404' };
  if (!response.ok) {
    return { status: 'unreachable', reason: 'network', detail: `HTTP ${response.status}` };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    return { status: 'unreachable', reason: 'not-json', detail: String(error) };
  }
  const result = parseCourseManifest(json);
  if (!result.ok) return { status: 'invalid', problems: result.problems };
  if (result.manifest.id !== courseId) {
    const problem = `id: "${result.manifest.id}" ≠ "${courseId}"`;
    return { status: 'invalid', problems: [{ field: 'id', id: problem, en: problem }] };
  }
  return { status: 'ready', manifest: result.manifest, manifestUrl };
}

/** What the page needs again to open this course offline: the manifest and its captions. */
export function offlineUrlsOf(course: CourseLoad): string[] {
  if (course.status !== 'ready') return [];
  const captions = course.manifest.lessons.flatMap((lesson) =>
    lesson.captions.map((track) => new URL(track.src, course.manifestUrl).href),
  );
  return [course.manifestUrl, ...captions];
}
