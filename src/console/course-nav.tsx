import { useConsole } from './console-context.ts';
import { localized } from './i18n/console-format.ts';
import { consolePath, type ConsoleRoute } from './routing/console-route.ts';

type CourseRoute = Exclude<ConsoleRoute, { page: 'home' }>;

/** The course picker and the two views of a course. */
export function CourseNav({ route }: { route: CourseRoute }) {
  const { t, language, navigate, courses } = useConsole();
  const link = (target: CourseRoute, label: string, current: boolean) => (
    <a
      href={`${consolePath(target)}${window.location.search}`}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(target);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav className="course-nav" aria-label={t.course}>
      <label>
        {t.course}
        <select
          value={route.courseId}
          onChange={(event) => navigate({ page: 'overview', courseId: event.target.value })}
        >
          {courses.map((course) => (
            <option key={course.id} value={course.id}>
              {localized(course.title, language)}
            </option>
          ))}
        </select>
      </label>
      {link(
        { page: 'overview', courseId: route.courseId },
        t.navOverview,
        route.page === 'overview',
      )}
      {link(
        { page: 'participants', courseId: route.courseId },
        t.navParticipants,
        route.page !== 'overview',
      )}
    </nav>
  );
}
