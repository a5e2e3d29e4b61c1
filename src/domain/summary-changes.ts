import type { SettlementLesson } from './course-settlement.ts';
import { newlyReachedSlices } from './drop-off.ts';
import { coveredSeconds } from './played-segments.ts';
import { lessonKey, type ClaimOutcome, type LessonLedger } from './server-credit.ts';

/**
 * What one credited batch changes in the console's summaries: counters per course and lesson
 * (added, never recomputed) and the participant's standing per course (recomputed from the
 * ledger, which holds all their lessons of the touched courses). Pure: the ingest stores it in
 * the same transaction as lesson_progress.
 */
export type CounterMetric =
  'participants' | 'finished' | 'started' | 'completed' | `reach:${number}` | `flag:${string}`;

export interface CounterDelta {
  courseId: string;
  /** '' for a course-wide counter. */
  lessonId: string;
  metric: CounterMetric;
  delta: number;
}

export interface ParticipantStanding {
  courseId: string;
  lessonsStarted: number;
  lessonsCompleted: number;
  watchedSeconds: number;
  flags: string[];
  /** Events of this batch that carry a flag. */
  flaggedEvents: number;
  /** Every lesson of the course is complete after this batch. */
  finished: boolean;
}

export interface SummaryChanges {
  counters: CounterDelta[];
  participants: ParticipantStanding[];
}

export interface BatchFacts {
  before: ReadonlyMap<string, LessonLedger>;
  after: ReadonlyMap<string, LessonLedger>;
  /** Each event's course and what it was credited (outcome flags). */
  events: readonly { courseId: string; outcome: Pick<ClaimOutcome, 'flags'> }[];
  lessonOrder: ReadonlyMap<string, readonly SettlementLesson[]>;
}

const isDone = (lesson: LessonLedger | undefined) =>
  lesson !== undefined && lesson.completedAt !== null;

function courseChanges(courseId: string, facts: BatchFacts, out: SummaryChanges) {
  const lessons = facts.lessonOrder.get(courseId) ?? [];
  const add = (lessonId: string, metric: CounterMetric, delta = 1) =>
    out.counters.push({ courseId, lessonId, metric, delta });
  let startedBefore = 0;
  let startedAfter = 0;
  let completedAfter = 0;
  let allBefore = lessons.length > 0;
  let watched = 0;
  const flags = new Set<string>();
  for (const lesson of lessons) {
    const key = lessonKey(courseId, lesson.id);
    const was = facts.before.get(key);
    const now = facts.after.get(key);
    if (was) startedBefore += 1;
    if (!isDone(was)) allBefore = false;
    if (!now) continue;
    startedAfter += 1;
    if (isDone(now)) completedAfter += 1;
    watched += coveredSeconds(now.credited, lesson.durationSeconds);
    now.flags.forEach((flag) => flags.add(flag));
    if (!was) add(lesson.id, 'started');
    if (isDone(now) && !isDone(was)) add(lesson.id, 'completed');
    for (const slice of newlyReachedSlices(
      was?.credited ?? [],
      now.credited,
      lesson.durationSeconds,
    ))
      add(lesson.id, `reach:${slice}`);
  }
  const finished = lessons.length > 0 && completedAfter === lessons.length;
  if (startedBefore === 0 && startedAfter > 0) add('', 'participants');
  if (finished && !allBefore) add('', 'finished');
  const courseEvents = facts.events.filter((event) => event.courseId === courseId);
  for (const event of courseEvents) for (const flag of event.outcome.flags) add('', `flag:${flag}`);
  if (startedAfter === 0) return;
  out.participants.push({
    courseId,
    lessonsStarted: startedAfter,
    lessonsCompleted: completedAfter,
    watchedSeconds: watched,
    flags: [...flags].sort(),
    flaggedEvents: courseEvents.filter((event) => event.outcome.flags.length > 0).length,
    finished,
  });
}

/** Counter deltas and standings for every course the batch's events touch. */
export function summaryChanges(facts: BatchFacts): SummaryChanges {
  const out: SummaryChanges = { counters: [], participants: [] };
  const courses = [...new Set(facts.events.map((event) => event.courseId))].sort();
  for (const courseId of courses) courseChanges(courseId, facts, out);
  return out;
}
