import type { DeliveryStatus } from '../../domain/lesson-events.ts';
import type { CreditFlag } from '../../domain/pace-check.ts';

/** The answer for one event of a batch, in the batch's order. */
export interface EventResult {
  id: string | null;
  status: DeliveryStatus;
  reason?: string;
  field?: string;
  /** Why the server credited less than the event claimed (accepted events only). */
  flags?: CreditFlag[];
}

export interface LessonSummary {
  courseId: string;
  lessonId: string;
  completedAt: string | null;
  coverage: number;
}
