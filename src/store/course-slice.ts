import type { StateCreator } from 'zustand/vanilla';
import type { CourseManifest, ManifestProblem } from '../domain/course-manifest.ts';
import type { RuntutState } from './runtut-store.ts';

export type CourseLoad =
  | { status: 'loading' }
  | { status: 'ready'; manifest: CourseManifest; manifestUrl: string }
  | { status: 'invalid'; problems: ManifestProblem[] }
  | { status: 'unreachable'; reason: 'not-found' | 'not-json' | 'network'; detail: string };

export interface CourseSlice {
  courseId: string;
  course: CourseLoad;
  setCourse(course: CourseLoad): void;
}

export const createCourseSlice =
  (courseId: string): StateCreator<RuntutState, [], [], CourseSlice> =>
  (set) => ({
    courseId,
    course: { status: 'loading' },
    setCourse: (course) => set({ course }),
  });
