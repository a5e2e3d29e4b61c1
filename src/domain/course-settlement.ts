import { isLessonComplete, type CompletionRule } from './completion.ts';
import type { PlayedSegments } from './played-segments.ts';

export interface SettlementLesson extends CompletionRule {
  id: string;
}

export interface LessonStanding {
  credited: PlayedSegments;
  completedAt: number | null;
}

export interface Settlement {
  /** Lessons that complete now, in course order. */
  completedNow: string[];
  /** Lessons whose coverage reached the threshold while an earlier lesson is still incomplete. */
  waitingOnEarlier: string[];
}

/**
 * The server's completion rule: a lesson completes when its credited coverage reaches the
 * threshold and every earlier lesson is complete. Walking the whole course each time means a
 * lesson that was waiting completes as soon as the lesson before it does.
 */
export function settleCourse(
  lessons: readonly SettlementLesson[],
  standing: ReadonlyMap<string, LessonStanding>,
): Settlement {
  const settlement: Settlement = { completedNow: [], waitingOnEarlier: [] };
  let earlierComplete = true;
  for (const lesson of lessons) {
    const state = standing.get(lesson.id);
    if (state?.completedAt != null) continue;
    const reached = state !== undefined && isLessonComplete(state.credited, lesson);
    if (reached && earlierComplete) settlement.completedNow.push(lesson.id);
    else {
      if (reached) settlement.waitingOnEarlier.push(lesson.id);
      earlierComplete = false;
    }
  }
  return settlement;
}
