import type { CourseLoad } from '../../store/course-slice.ts';
import { MESSAGES } from '../i18n/messages.ts';

type Failed = Extract<CourseLoad, { status: 'invalid' | 'unreachable' }>;

/**
 * A broken or missing course manifest is explained on the page, in Indonesian and English at
 * once (the course may be what says which language to use), naming each field and its problem.
 */
export function ManifestError({ course }: { course: Failed }) {
  const [id, en] = [MESSAGES.id, MESSAGES.en];
  return (
    <section className="manifest-error" role="alert" aria-labelledby="manifest-error-title">
      <h1 id="manifest-error-title">
        {id.manifestErrorTitle} <span lang="en">/ {en.manifestErrorTitle}</span>
      </h1>
      {course.status === 'invalid' ? (
        <>
          <p>
            {id.manifestErrorIntro} <span lang="en">/ {en.manifestErrorIntro}</span>
          </p>
          <ul>
            {course.problems.map((problem, index) => (
              <li key={index} data-field={problem.field}>
                <code>{problem.field}</code>
                <div>{withoutField(problem.id, problem.field)}</div>
                <div lang="en">{withoutField(problem.en, problem.field)}</div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          {describeUnreachable(course, 'id')}
          <br />
          <span lang="en">{describeUnreachable(course, 'en')}</span>
        </p>
      )}
    </section>
  );
}

function describeUnreachable(
  course: Extract<Failed, { status: 'unreachable' }>,
  language: 'id' | 'en',
) {
  const t = MESSAGES[language];
  if (course.reason === 'not-found') return t.courseNotFound;
  if (course.reason === 'not-json') return t.manifestNotJson;
  return t.manifestFetchFailed(course.detail);
}

/** Messages start with their field ("lessons[1].sources: …"), already shown above them. */
function withoutField(message: string, field: string): string {
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
