import { mayReportProgress, newlyConfirmed, watchedShare } from '../../domain/embed-requests.ts';
import { PROGRESS_EVENT_INTERVAL_MS } from '../../domain/embed-requests.ts';
import type { RunningCourse } from '../../ui/boot.tsx';
import type { ServerLessonsListener } from '../../ui/boot-sync.ts';
import type { FrameChannel } from './frame-channel.ts';

/** Notices the host hears about as `error` events (the participant sees them in the frame). */
const NOTICE_ERRORS: Partial<Record<string, string>> = {
  mediaError: 'media-error',
  launchInvalid: 'launch-invalid',
};

/**
 * Turns the player's state into the host's events. `lessoncompleted` and `coursecompleted`
 * come only from the server's word (restore at start, then acknowledged batches), never from
 * the frame's own recorder: the host hears of a completion once the server has credited it.
 */
export function createFrameEvents() {
  const confirmed = new Set<string>();
  let lessonIds: readonly string[] = [];
  let courseId = '';
  let channel: FrameChannel | undefined;
  const early: Parameters<ServerLessonsListener>[] = [];

  const onServerLessons: ServerLessonsListener = (lessons, how) => {
    if (!channel) {
      early.push([lessons, how]);
      return;
    }
    const before = new Set(confirmed);
    for (const lesson of lessons) if (lesson.completedAt) confirmed.add(lesson.lessonId);
    if (how === 'restored') return;
    const news = newlyConfirmed(before, confirmed, lessonIds);
    for (const lessonId of news.lessons) {
      const completedAt = lessons.find((l) => l.lessonId === lessonId)?.completedAt ?? null;
      channel.emit('lessoncompleted', { courseId, lessonId, completedAt });
    }
    if (news.courseCompleted) {
      const completedAt =
        lessons
          .map((l) => l.completedAt ?? '')
          .sort()
          .at(-1) ?? null;
      channel.emit('coursecompleted', { courseId, completedAt });
    }
  };

  function attach(running: RunningCourse, to: FrameChannel): void {
    const { store } = running;
    channel = to;
    const state = store.getState();
    courseId = state.courseId;
    lessonIds =
      state.course.status === 'ready' ? state.course.manifest.lessons.map((l) => l.id) : [];
    for (const [lessons, how] of early.splice(0))
      onServerLessons(lessons, how === 'confirmed' ? 'confirmed' : 'restored');

    let startedLesson: string | null = null;
    let lastProgressMs: number | undefined;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const durationOf = (lessonId: string) => {
      const { course } = store.getState();
      return course.status === 'ready'
        ? (course.manifest.lessons.find((l) => l.id === lessonId)?.durationSeconds ?? 0)
        : 0;
    };
    let lastSent = '';
    const sendProgress = () => {
      const { openLessonId, lessons } = store.getState();
      const view = openLessonId ? lessons[openLessonId] : undefined;
      if (!openLessonId || !view) return;
      const payload = {
        courseId,
        lessonId: openLessonId,
        position: Math.round(view.position * 10) / 10,
        watchedShare: view.completedAt ? 1 : watchedShare(view.segments, durationOf(openLessonId)),
      };
      // Only news: a paused lesson sends nothing.
      const key = JSON.stringify(payload);
      if (key === lastSent) return;
      lastSent = key;
      lastProgressMs = performance.now();
      to.emit('progress', payload);
    };

    store.subscribe((next, previous) => {
      const lessonId = next.openLessonId;
      if (
        lessonId &&
        next.lessons[lessonId] !== previous.lessons[lessonId] &&
        previous.openLessonId === lessonId
      ) {
        if (startedLesson !== lessonId) {
          startedLesson = lessonId;
          to.emit('lessonstarted', { courseId, lessonId });
        }
        clearTimeout(trailing);
        if (mayReportProgress(lastProgressMs, performance.now())) sendProgress();
        else trailing = setTimeout(sendProgress, PROGRESS_EVENT_INTERVAL_MS);
      }
      if (next.openLessonId !== previous.openLessonId) startedLesson = null;
      if (next.syncStatus && next.syncStatus.state !== previous.syncStatus?.state)
        to.emit('syncstatechange', {
          state: next.syncStatus.state,
          pending: next.syncStatus.pending,
        });
      if (next.notice && next.notice !== previous.notice) {
        const code = NOTICE_ERRORS[next.notice.key];
        if (code) to.emit('error', { code, message: next.notice.key });
      }
    });
  }

  return { confirmed: confirmed as ReadonlySet<string>, onServerLessons, attach };
}
