export const LESSON_STATES = ['locked', 'available', 'completed'] as const;
export type LessonState = (typeof LESSON_STATES)[number];

/**
 * Strict order: a lesson is available only when every lesson before it is completed.
 * `lessonIds` is the course order; `completedIds` what is complete.
 */
export function lessonStates(
  lessonIds: readonly string[],
  completedIds: ReadonlySet<string>,
): Map<string, LessonState> {
  const states = new Map<string, LessonState>();
  let previousDone = true;
  for (const id of lessonIds) {
    const done = completedIds.has(id);
    states.set(id, done && previousDone ? 'completed' : previousDone ? 'available' : 'locked');
    previousDone = previousDone && done;
  }
  return states;
}

export function canOpenLesson(
  lessonId: string,
  lessonIds: readonly string[],
  completedIds: ReadonlySet<string>,
): boolean {
  const state = lessonStates(lessonIds, completedIds).get(lessonId);
  return state === 'available' || state === 'completed';
}

/** The lesson to open by default: the first one not yet completed, or the last one. */
export function nextLessonToOpen(
  lessonIds: readonly string[],
  completedIds: ReadonlySet<string>,
): string | undefined {
  return lessonIds.find((id) => !completedIds.has(id)) ?? lessonIds.at(-1);
}
