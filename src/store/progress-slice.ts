import type { StateCreator } from 'zustand/vanilla';
import type { Segment } from '../domain/played-segments.ts';
import type { RuntutState } from './runtut-store.ts';

/** What the screen shows of one lesson's progress; Dexie holds the durable copy. */
export interface LessonProgressView {
  segments: Segment[];
  frontier: number;
  position: number;
  completedAt: string | null;
}

export interface ProgressSlice {
  /** This device's progress is known: the outline can be drawn (maybe before the server's). */
  progressLoaded: boolean;
  /** Storage is open and the server's progress merged in: recorders may start from it. */
  progressSettled: boolean;
  lessons: Record<string, LessonProgressView>;
  openLessonId: string | null;
  setAllProgress(lessons: Record<string, LessonProgressView>): void;
  settleProgress(lessons: Record<string, LessonProgressView>): void;
  setLessonProgress(lessonId: string, progress: LessonProgressView): void;
  openLesson(lessonId: string): void;
}

export const createProgressSlice: StateCreator<RuntutState, [], [], ProgressSlice> = (set) => ({
  progressLoaded: false,
  progressSettled: false,
  lessons: {},
  openLessonId: null,
  setAllProgress: (lessons) => set({ lessons, progressLoaded: true }),
  settleProgress: (lessons) => set({ lessons, progressLoaded: true, progressSettled: true }),
  setLessonProgress: (lessonId, progress) =>
    set((state) => ({ lessons: { ...state.lessons, [lessonId]: progress } })),
  openLesson: (lessonId) => set({ openLessonId: lessonId }),
});
