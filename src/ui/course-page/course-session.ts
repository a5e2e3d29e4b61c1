import type { Lesson } from '../../domain/course-manifest.ts';
import type { Language } from '../../domain/language.ts';
import { canOpenLesson, nextLessonToOpen } from '../../domain/lesson-order.ts';
import type { RuntutStore } from '../../store/runtut-store.ts';
import type { LessonProgressView } from '../../store/progress-slice.ts';
import { readMeta, writeMeta, type LastLesson } from '../../storage/device-meta.ts';
import {
  createProgressRepository,
  type ProgressRepository,
} from '../../storage/progress-repository.ts';
import type { RuntutDb } from '../../storage/runtut-db.ts';
import {
  createProgressRecorder,
  type ProgressRecorder,
} from '../lesson-player/progress-recorder.ts';
import { createProgressPublisher, type ProgressPublisher } from './progress-publisher.ts';
import { showLessonInAddressBar } from '../routing/course-route.ts';
import { rememberLanguage } from '../i18n/remembered-language.ts';
import { completedLessonIds } from './course-progress.ts';

export const EMPTY_PROGRESS: LessonProgressView = {
  segments: [],
  frontier: 0,
  position: 0,
  completedAt: null,
};

export interface CourseSessionDeps {
  store: RuntutStore;
  /** Dexie arrives after the first screen; null when the browser has no usable IndexedDB. */
  db: Promise<RuntutDb | null>;
  /** Progress (and maybe an event) was saved: other tabs' pending counts should update. */
  onLocalWrite(): void;
  /** A lesson completed: worth sending now rather than on the next timer. */
  onCompleted(): void;
  /** The address bar shows the open lesson (false inside a provider's frame). */
  followAddressBar?: boolean;
  /** Whether `db` lives in memory (IndexedDB refused): then the storage warning stays up. */
  inMemory?: () => boolean;
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
  inMemory = () => false,
}: CourseSessionDeps) {
  let repository: ProgressRepository | null = null;
  void db.then((opened) => {
    repository = opened ? createProgressRepository(opened) : null;
  });
  /** The newest progress of every lesson recorded in this page, ahead of the store's copy. */
  const latest = new Map<string, ProgressPublisher>();
  let lastRecorded = '';
  const whenOpen = (write: (opened: RuntutDb) => Promise<void>) =>
    void db.then((opened) => (opened ? write(opened) : undefined)).catch(() => undefined);

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
      whenOpen((opened) =>
        writeMeta(opened, `lastLesson:${state.courseId}`, {
          courseId: state.courseId,
          lessonId: target,
        }),
      );
    },

    async lastLessonId(courseId: string): Promise<string | null> {
      const opened = await db;
      if (!opened) return null;
      const last = await readMeta<LastLesson>(opened, `lastLesson:${courseId}`).catch(
        () => undefined,
      );
      return last?.lessonId ?? null;
    },

    /** Whether the rules let `lessonId` open with the progress known now. */
    canOpen(lessonId: string): boolean {
      const ids = lessonIds();
      return (
        ids.includes(lessonId) &&
        canOpenLesson(lessonId, ids, completedLessonIds(store.getState().lessons))
      );
    },

    /** Call once progress is settled (the database promise has resolved by then). */
    recorderFor(lesson: Lesson): ProgressRecorder {
      const state = store.getState();
      // The store's copy may be up to a second behind: a reopened lesson starts from the newest.
      const initial = latest.get(lesson.id)?.latest ?? state.lessons[lesson.id] ?? EMPTY_PROGRESS;
      latest.get(lastRecorded)?.flush();
      lastRecorded = lesson.id;
      const publisher = createProgressPublisher({
        durationSeconds: lesson.durationSeconds,
        publish: (view) => store.getState().setLessonProgress(lesson.id, view),
      });
      latest.set(lesson.id, publisher);
      return createProgressRecorder({
        repository,
        participantId: state.participantId ?? 'unknown',
        courseId: state.courseId,
        lesson,
        initial,
        onChange: (view) => publisher.update(view),
        onCompleted: () => onCompleted(),
        onStorageHealth: (health) => {
          // A memory database answers every write: its saves say nothing about the device.
          if (inMemory()) return;
          if (store.getState().storageHealth !== health) store.getState().setStorageHealth(health);
        },
        onSaved: onLocalWrite,
      });
    },

    setLanguage(language: Language): void {
      store.getState().setLanguage(language);
      document.documentElement.lang = language;
      rememberLanguage(language);
      whenOpen((opened) => writeMeta(opened, 'language', language));
    },
  };
}

export type CourseSession = ReturnType<typeof createCourseSession>;
