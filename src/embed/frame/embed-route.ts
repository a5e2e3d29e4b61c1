import { parseLanguage, type Language } from '../../domain/language.ts';
import type { CourseRoute } from '../../ui/routing/course-route.ts';

/**
 * What the frame was asked to show: `/embed/<course>[/<lesson>]`, and in the fragment (never
 * sent to a server, never in logs) `#token=<jwt>&lang=id`. The fragment is read once and wiped
 * from the address, so the token does not linger where page scripts or a copied link find it.
 */
export interface EmbedLaunch {
  route: CourseRoute;
  token: string | null;
  language: Language | undefined;
}

export function readEmbedLaunch(location: Location, history: History): EmbedLaunch {
  const parts = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
  return {
    route: { courseId: parts[1] ?? '', lessonId: parts[2] ?? null },
    token: fragment.get('token') || null,
    language: parseLanguage(fragment.get('lang')),
  };
}

/**
 * The origin of the page that frames us: `location.ancestorOrigins` where the browser has it
 * (it cannot be spoofed by the parent), else the referrer's origin. Undefined when not framed.
 */
export function parentOrigin(win: Window): string | undefined {
  if (win.parent === win) return undefined;
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return new URL(win.document.referrer).origin;
  } catch {
    return undefined;
  }
}
