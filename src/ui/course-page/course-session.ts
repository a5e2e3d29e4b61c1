import type { Lesson } from '../../domain/course-manifest.ts';
import type { Language } from '../../domain/language.ts';
import { canOpenLesson, nextLessonToOpen } from '../../domain/lesson-order.ts';
import type { RuntutStore } from '../../store/runtut-store.ts';
import type { LessonProgressView } from '../../store/progress-slice.ts';
import { readMeta, writeMeta, type LastLesson } from '../../storage/device-meta.ts';
import { createProgressRepository } from '../../storage/progress-repository.ts';
import type { RuntutDb } from '../../storage/runtut-db.ts';
import {
  createProgressRecorder,
  type ProgressRecorder,
} from '../lesson-player/progress-recorder.ts';
import { showLessonInAddressBar } from '../routing/course-route.ts';
import { completedLessonIds } from './course-progress.ts';

export const EMPTY_PROGRESS: LessonProgressView = {
  segments: [],
  frontier: 0,
  position: 0,
  completedAt: null,
};

export interface CourseSessionDeps {
  store: RuntutStore;
  db: RuntutDb | null;
  /** Progress (and maybe an event) was saved: other tabs' pending counts should update. */
  onLocalWrite(): void;
  /** A lesson completed: worth sending now rather than on the next timer. */
  onCompleted(): void;
  /** The address bar shows the open lesson (false inside a provider's frame). */
  followAddressBar?: boolean;
  /** `db` lives in memory (IndexedDB refused): the storage warning stays up. */
  inMemory?: boolean;
}

/**
 * The page's commands: open a lesson (only if the rules allow it), make the recorder for the open
 * lesson, switch language. React components call these; they never write storage themselves.
 */
export function createCourseSession({
  store,
  db,
  onLocalWrite,
  onCompleted,
  followAddressBar = true,
  inMemory = false,
}: CourseSessionDeps) {
  const repository = db ? createProgressRepository(db) : null;

  function lessonIds(): string[] {
    const { course } = store.getState();
    return course.status === 'ready' ? course.manifest.lessons.map((lesson) => lesson.id) : [];
  }

  return {
    /**
     * Opens `requested` when it is unlocked; otherwise opens the lesson to watch next and says so.
     * `how` is how the address bar follows: a click pushes, a redirect or history move replaces.
     */
    openLesson(requested: string | null, how: 'push' | 'replace'): void {
      const state = store.getState();
      const ids = lessonIds();
      const completed = completedLessonIds(state.lessons);
      let target = requested;
      if (!target || !ids.includes(target) || !canOpenLesson(target, ids, completed)) {
        if (target) state.showNotice('lockedRedirect');
        target = nextLessonToOpen(ids, completed) ?? null;
        how = 'replace';
      }
      if (!target) return;
      state.openLesson(target);
      if (followAddressBar) showLessonInAddressBar(state.courseId, target, how);
      if (db)
        void writeMeta(db, `lastLesson:${state.courseId}`, {
          courseId: state.courseId,
          lessonId: target,
        });
    },

    async lastLessonId(courseId: string): Promise<string | null> {
      if (!db) return null;
      const last = await readMeta<LastLesson>(db, `lastLesson:${courseId}`).catch(() => undefined);
      return last?.lessonId ?? null;
    },

    recorderFor(lesson: Lesson): ProgressRecorder {
      const state = store.getState();
      return createProgressRecorder({
        repository,
        participantId: state.participantId ?? 'unknown',
        courseId: state.courseId,
        lesson,
        initial: state.lessons[lesson.id] ?? EMPTY_PROGRESS,
        onChange: (view) => store.getState().setLessonProgress(lesson.id, view),
        onCompleted: () => onCompleted(),
        onStorageHealth: (health) => {
          // A memory database answers every write: its saves say nothing about the device.
          if (inMemory) return;
          if (store.getState().storageHealth !== health) store.getState().setStorageHealth(health);
        },
        onSaved: onLocalWrite,
      });
    },

    setLanguage(language: Language): void {
      store.getState().setLanguage(language);
      document.documentElement.lang = language;
      if (db) void writeMeta(db, 'language', language).catch(() => undefined);
    },
  };
}

export type CourseSession = ReturnType<typeof createCourseSession>;
