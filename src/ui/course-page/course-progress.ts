import type { LessonProgressView } from '../../store/progress-slice.ts';

export function completedLessonIds(lessons: Record<string, LessonProgressView>): Set<string> {
  return new Set(
    Object.entries(lessons)
      .filter(([, progress]) => progress.completedAt !== null)
      .map(([lessonId]) => lessonId),
  );
}
