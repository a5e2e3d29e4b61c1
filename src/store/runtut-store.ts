import { createStore } from 'zustand/vanilla';
import type { Language } from '../domain/language.ts';
import { createCourseSlice, type CourseSlice } from './course-slice.ts';
import { createProgressSlice, type ProgressSlice } from './progress-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';

/** Session state only: Dexie is the source of truth for progress. */
export type RuntutState = CourseSlice & ProgressSlice & SessionSlice;

export function createRuntutStore(initial: { courseId: string; language: Language }) {
  return createStore<RuntutState>()((...args) => ({
    ...createCourseSlice(initial.courseId)(...args),
    ...createProgressSlice(...args),
    ...createSessionSlice(initial.language)(...args),
  }));
}

export type RuntutStore = ReturnType<typeof createRuntutStore>;
