/**
 * The shapes of the report API's course overview (docs/server-api.md): the server builds them,
 * the console reads them. Types only, so both sides agree on one contract.
 */
export interface LessonAggregate {
  lessonId: string;
  lessonTitle: string;
  position: number;
  durationSeconds: number;
  /** Participants with any progress on the lesson (reached it). */
  started: number;
  completed: number;
  /** Per 5% slice: participants credited at least half of it (src/domain/drop-off.ts). */
  reached: number[];
}

export interface CourseOverview {
  courseId: string;
  participantsStarted: number;
  participantsFinished: number;
  /** Median server time from a participant's first activity to finishing the course. */
  medianFinishSeconds: number | null;
  lessons: LessonAggregate[];
  /** Flagged events by kind, every known kind listed. */
  flags: { flag: string; events: number }[];
}
