import type { CompletionRule } from './completion.ts';
import { settleCourse, type LessonStanding, type SettlementLesson } from './course-settlement.ts';
import type { LessonEvent } from './lesson-events.ts';
import { checkPace, paceAllowance, type CreditFlag } from './pace-check.ts';
import { mergeSegments, type Segment } from './played-segments.ts';
import { clipSegments, subtractSegments, takeLatest, totalSeconds } from './segment-set.ts';
import { overlappingCredit, type CreditWindow } from './stream-overlap.ts';

/**
 * What the server decides from a participant's events: which played media it credits, and when
 * a lesson completes. The browser's own `completed` event is only a claim. Rules and tolerances:
 * docs/server-checks.md.
 */
export interface LessonLedger {
  courseId: string;
  lessonId: string;
  credited: Segment[];
  completedAt: number | null;
  flags: CreditFlag[];
  position: number;
}

/** Totals of one device's events for one lesson. */
export interface StreamLedger {
  deviceId: string;
  courseId: string;
  lessonId: string;
  elapsedMs: number;
  creditedSeconds: number;
  lastSeq: number;
}

export interface ParticipantLedger {
  /** Server clock (ms) of this batch: receive time and completion time. */
  nowMs: number;
  /** Earliest server-known moment this participant could have started playing. */
  anchorMs: number;
  creditedTotalSeconds: number;
  lessons: Map<string, LessonLedger>;
  streams: Map<string, StreamLedger>;
  /** Credit windows of earlier events that may overlap this batch. */
  windows: CreditWindow[];
}

export interface Claim {
  event: LessonEvent;
  lesson: CompletionRule;
}

export interface ClaimOutcome {
  creditedSegments: Segment[];
  creditedSeconds: number;
  flags: CreditFlag[];
  windowStartMs: number;
  windowEndMs: number;
}

export interface BatchCredit {
  outcomes: ClaimOutcome[];
  ledger: ParticipantLedger;
  changedLessons: Set<string>;
  changedStreams: Set<string>;
}

export const lessonKey = (courseId: string, lessonId: string) => `${courseId}/${lessonId}`;
export const streamKey = (deviceId: string, courseId: string, lessonId: string) =>
  JSON.stringify([deviceId, courseId, lessonId]);

export function emptyLesson(courseId: string, lessonId: string): LessonLedger {
  return { courseId, lessonId, credited: [], completedAt: null, flags: [], position: 0 };
}

function addFlags(target: CreditFlag[], flags: readonly CreditFlag[]): CreditFlag[] {
  return [...new Set([...target, ...flags])];
}

function creditClaim(ledger: ParticipantLedger, claim: Claim, changed: BatchCredit): ClaimOutcome {
  const { event, lesson } = claim;
  const key = lessonKey(event.courseId, event.lessonId);
  const sKey = streamKey(event.deviceId, event.courseId, event.lessonId);
  const state = ledger.lessons.get(key) ?? emptyLesson(event.courseId, event.lessonId);
  const stream = ledger.streams.get(sKey) ?? {
    deviceId: event.deviceId,
    courseId: event.courseId,
    lessonId: event.lessonId,
    elapsedMs: 0,
    creditedSeconds: 0,
    lastSeq: -1,
  };

  const claimed = clipSegments(event.segments, lesson.durationSeconds);
  const fresh = subtractSegments(claimed, state.credited);
  const windowEndMs = Date.parse(event.deviceTime);
  const windowStartMs = windowEndMs - event.elapsedMsSinceLast;
  const window = {
    deviceId: event.deviceId,
    lessonKey: key,
    startMs: windowStartMs,
    endMs: windowEndMs,
  };
  const verdict = checkPace({
    newSeconds: totalSeconds(fresh),
    playedSinceLast: event.playedSinceLast,
    elapsedSeconds: event.elapsedMsSinceLast / 1000,
    stream: { elapsedSeconds: stream.elapsedMs / 1000, creditedSeconds: stream.creditedSeconds },
    wallRemainingSeconds:
      paceAllowance((ledger.nowMs - ledger.anchorMs) / 1000) - ledger.creditedTotalSeconds,
    overlap: overlappingCredit(window, ledger.windows),
  });
  const creditedSegments = takeLatest(fresh, verdict.creditSeconds);
  const creditedSeconds = totalSeconds(creditedSegments);

  const newest = event.seq >= stream.lastSeq;
  ledger.lessons.set(key, {
    ...state,
    credited: mergeSegments([...state.credited, ...creditedSegments]),
    flags: addFlags(state.flags, verdict.flags),
    position: newest ? event.position : state.position,
  });
  ledger.streams.set(sKey, {
    ...stream,
    elapsedMs: stream.elapsedMs + event.elapsedMsSinceLast,
    creditedSeconds: stream.creditedSeconds + creditedSeconds,
    lastSeq: Math.max(stream.lastSeq, event.seq),
  });
  ledger.creditedTotalSeconds += creditedSeconds;
  ledger.windows.push({ ...window, creditedSeconds });
  changed.changedLessons.add(key);
  changed.changedStreams.add(sKey);
  return { creditedSegments, creditedSeconds, flags: verdict.flags, windowStartMs, windowEndMs };
}

function settle(
  ledger: ParticipantLedger,
  courseId: string,
  lessons: readonly SettlementLesson[],
  changed: Set<string>,
) {
  const standing = new Map<string, LessonStanding>();
  for (const lesson of lessons) {
    const state = ledger.lessons.get(lessonKey(courseId, lesson.id));
    if (state) standing.set(lesson.id, state);
  }
  const { completedNow, waitingOnEarlier } = settleCourse(lessons, standing);
  for (const lessonId of completedNow) {
    const key = lessonKey(courseId, lessonId);
    const state = ledger.lessons.get(key) ?? emptyLesson(courseId, lessonId);
    ledger.lessons.set(key, { ...state, completedAt: ledger.nowMs });
    changed.add(key);
  }
  for (const lessonId of waitingOnEarlier) {
    const key = lessonKey(courseId, lessonId);
    const state = ledger.lessons.get(key) ?? emptyLesson(courseId, lessonId);
    ledger.lessons.set(key, {
      ...state,
      flags: addFlags(state.flags, ['order:earlier-incomplete']),
    });
    changed.add(key);
  }
}

/**
 * Credits a participant's new events in order, then settles completions for every course they
 * touch. `courses` gives each course's lessons in order. The input ledger is not modified.
 */
export function creditBatch(
  input: ParticipantLedger,
  claims: readonly Claim[],
  courses: ReadonlyMap<string, readonly SettlementLesson[]>,
): BatchCredit {
  const ledger = structuredClone(input);
  const result: BatchCredit = {
    outcomes: [],
    ledger,
    changedLessons: new Set(),
    changedStreams: new Set(),
  };
  result.outcomes = claims.map((claim) => creditClaim(ledger, claim, result));
  const touched = new Set(claims.map((claim) => claim.event.courseId));
  for (const courseId of touched)
    settle(ledger, courseId, courses.get(courseId) ?? [], result.changedLessons);
  claims.forEach((claim, index) => {
    if (claim.event.type !== 'completed') return;
    const key = lessonKey(claim.event.courseId, claim.event.lessonId);
    const state = ledger.lessons.get(key);
    const outcome = result.outcomes[index];
    if (!state || state.completedAt !== null || !outcome) return;
    outcome.flags = addFlags(outcome.flags, ['completion:unconfirmed']);
    ledger.lessons.set(key, { ...state, flags: addFlags(state.flags, ['completion:unconfirmed']) });
  });
  return result;
}
