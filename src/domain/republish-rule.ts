/**
 * Republishing a course must not change how long a lesson's media lasts: participants' credit is
 * recorded in seconds of that media, so a longer or shorter lesson would silently turn earned
 * credit into a different share (or complete lessons nobody watched). A change is refused unless
 * the provider forces it (docs/providers.md, "Publishing").
 */
export interface TimedLesson {
  id: string;
  durationSeconds: number;
}

export interface DurationChange {
  lessonId: string;
  beforeSeconds: number;
  afterSeconds: number;
}

/** Within the manifest's own tolerance (durations must match the media to within 0.1 s). */
export const DURATION_TOLERANCE_SECONDS = 0.1;

/** Lessons present in both versions whose duration moved by more than the tolerance. */
export function durationChanges(
  published: readonly TimedLesson[],
  next: readonly TimedLesson[],
): DurationChange[] {
  const before = new Map(published.map((lesson) => [lesson.id, lesson.durationSeconds]));
  return next.flatMap((lesson) => {
    const beforeSeconds = before.get(lesson.id);
    if (beforeSeconds === undefined) return [];
    return Math.abs(beforeSeconds - lesson.durationSeconds) > DURATION_TOLERANCE_SECONDS
      ? [{ lessonId: lesson.id, beforeSeconds, afterSeconds: lesson.durationSeconds }]
      : [];
  });
}

export function describeDurationChanges(changes: readonly DurationChange[]): string {
  return changes
    .map(
      (change) =>
        `lesson "${change.lessonId}" ${change.beforeSeconds} s -> ${change.afterSeconds} s`,
    )
    .join(', ');
}
