/**
 * How a script's `open` maps onto a provider's embedding page (`--embed-url`). The host page
 * decides what the player shows, so the runner cannot type `/c/<course>/<lesson>` into it; the
 * embed URL is a template instead, with placeholders the runner fills for each page it opens:
 *
 *   {course}       the script's course
 *   {lesson}       the lesson the step asks for (`lesson`, or the third part of `path`), else empty
 *   {lang}         `lang=` from the step's `query`, else empty
 *   {participant}  a fresh participant id per script, the same for every page of that script
 *
 * A query parameter whose value is only an empty placeholder is left out, so a page sees
 * `?course=sample` rather than `?course=sample&lesson=`. A step that asks for something the
 * template has no placeholder for is refused with a message saying which one is missing.
 */
export const EMBED_PLACEHOLDERS = ['course', 'lesson', 'lang', 'participant'] as const;
type Placeholder = (typeof EMBED_PLACEHOLDERS)[number];

export interface EmbedOpen {
  course: string;
  participant: string;
  /** `/c/<course>[/<lesson>]`, as a script's `open` or `newTab` says it. */
  path?: string | undefined;
  lesson?: string | undefined;
  query?: string | undefined;
}

/** Checks a template once, before any script runs: a URL, and only known placeholders. */
export function checkEmbedTemplate(template: string): string | undefined {
  const unknown = [...template.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(EMBED_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return `--embed-url has unknown placeholder(s) ${unknown.map((n) => `{${n}}`).join(', ')}; known: ${EMBED_PLACEHOLDERS.map((n) => `{${n}}`).join(', ')}`;
  try {
    new URL(fill(template, { course: 'c', lesson: '', lang: '', participant: 'p' }));
  } catch {
    return `--embed-url ${template} is not a URL`;
  }
  return undefined;
}

export function embedAddress(template: string, open: EmbedOpen): string {
  const asked = askedFor(open);
  const values: Record<Placeholder, string> = {
    course: asked.course,
    lesson: asked.lesson ?? '',
    lang: asked.lang ?? '',
    participant: open.participant,
  };
  const has = (name: Placeholder) => template.includes(`{${name}}`);
  if (asked.lesson && !has('lesson'))
    throw new Error(
      `the step opens lesson ${asked.lesson}, but --embed-url has no {lesson} placeholder to pass it to the embedding page`,
    );
  if (asked.lang && !has('lang'))
    throw new Error(`the step asks for lang=${asked.lang}, but --embed-url has no {lang}`);
  if (asked.course !== open.course && !has('course'))
    throw new Error(`the step opens course ${asked.course}, but --embed-url has no {course}`);
  const url = new URL(fill(template, values));
  for (const [key, value] of [...url.searchParams]) {
    const raw = new URL(template).searchParams.get(key) ?? '';
    if (value === '' && /^\{\w+\}$/.test(raw)) url.searchParams.delete(key);
  }
  return url.toString();
}

function fill(template: string, values: Record<Placeholder, string>): string {
  return template.replace(/\{(course|lesson|lang|participant)\}/g, (_, name: Placeholder) =>
    encodeURIComponent(values[name]),
  );
}

/** What the step asks for, from `path` (`/c/<course>/<lesson>`) or `lesson`, and `query`. */
function askedFor(open: EmbedOpen): { course: string; lesson?: string; lang?: string } {
  let course = open.course;
  let lesson = open.lesson;
  let search = open.query ?? '';
  if (open.path !== undefined) {
    const [pathname = '', inPath = ''] = open.path.split('?');
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'c' || !parts[1] || parts.length > 3)
      throw new Error(
        `path ${open.path} is not a course or lesson address (/c/<course>[/<lesson>]), so it has no meaning inside an embedding page`,
      );
    course = parts[1];
    lesson = parts[2];
    search = [inPath, search].filter(Boolean).join('&');
  }
  return { course, ...(lesson ? { lesson } : {}), ...langOf(search) };
}

function langOf(query: string): { lang?: string } {
  const params = new URLSearchParams(query);
  const other = [...params.keys()].filter((key) => key !== 'lang');
  if (other.length > 0)
    throw new Error(
      `query ${other.join(', ')} cannot be passed to an embedding page (only lang=, through {lang})`,
    );
  const lang = params.get('lang');
  return lang ? { lang } : {};
}
