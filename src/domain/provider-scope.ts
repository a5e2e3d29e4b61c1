/**
 * What a caller of one provider may reach: only courses that provider publishes. A launch token
 * may narrow this further to one course (`course` claim). Providers never see each other's
 * participants, courses or reports.
 */
export interface Caller {
  providerId: string;
  /** The launch token's `course` claim, if any. */
  courseId?: string | undefined;
}

export type CourseReach = 'allowed' | 'other-course' | 'other-provider';

export function reachOfCourse(
  caller: Caller,
  course: { id: string; providerId: string },
): CourseReach {
  if (course.providerId !== caller.providerId) return 'other-provider';
  if (caller.courseId !== undefined && caller.courseId !== course.id) return 'other-course';
  return 'allowed';
}
