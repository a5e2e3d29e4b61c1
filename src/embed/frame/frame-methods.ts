import { lessonStates } from '../../domain/lesson-order.ts';
import { decideOpenLesson, watchedShare } from '../../domain/embed-requests.ts';
import type { HostRequest } from '../../domain/embed-protocol.ts';
import type { RunningCourse } from '../../ui/boot.tsx';
import { completedLessonIds } from '../../ui/course-page/course-progress.ts';
import { RequestRefused } from './frame-channel.ts';

const REFUSALS = {
  'lesson-locked': 'The lesson is locked: the lessons before it are not completed yet.',
  'lesson-unknown': 'The course has no lesson with this id.',
} as const;

/** What the host may ask, answered under the same rules as the participant's own clicks. */
export function frameMethods(running: RunningCourse, confirmed: ReadonlySet<string>) {
  const { store, session } = running;

  function lessonOrder() {
    const { course, lessons } = store.getState();
    const manifest = course.status === 'ready' ? course.manifest : undefined;
    const ids = manifest?.lessons.map((lesson) => lesson.id) ?? [];
    return { manifest, ids, completed: completedLessonIds(lessons) };
  }

  function getProgress() {
    const state = store.getState();
    const { manifest, ids, completed } = lessonOrder();
    const states = lessonStates(ids, completed);
    return {
      courseId: state.courseId,
      openLessonId: state.openLessonId,
      language: state.language,
      courseCompleted: ids.length > 0 && ids.every((id) => confirmed.has(id)),
      lessons: (manifest?.lessons ?? []).map((lesson) => {
        const view = state.lessons[lesson.id];
        return {
          lessonId: lesson.id,
          state: states.get(lesson.id) ?? 'locked',
          position: view?.position ?? 0,
          watchedShare: view?.completedAt
            ? 1
            : watchedShare(view?.segments ?? [], lesson.durationSeconds),
          completedAt: view?.completedAt ?? null,
          confirmed: confirmed.has(lesson.id),
        };
      }),
    };
  }

  return (request: HostRequest): unknown => {
    switch (request.method) {
      case 'getProgress':
        return getProgress();
      case 'openLesson': {
        const { ids, completed } = lessonOrder();
        const decision = decideOpenLesson(request.lessonId, ids, completed);
        if (!decision.ok) throw new RequestRefused(decision.reason, REFUSALS[decision.reason]);
        session.openLesson(request.lessonId, 'push');
        return { lessonId: request.lessonId };
      }
      case 'setLanguage':
        session.setLanguage(request.language);
        return { language: request.language };
    }
  };
}
