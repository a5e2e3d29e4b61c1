import { MAX_CREDITED_RATE } from './rate-policy.ts';

/**
 * Pace checks the server applies to each claim of newly played media. Documented, with what a
 * server can and cannot verify, in docs/server-checks.md.
 */
export const PACE_TOLERANCE_SECONDS = 2;
export const PACE_TOLERANCE_RATIO = 0.05;

export const CREDIT_FLAGS = [
  'pace:too-fast',
  'pace:segments-exceed-played',
  'pace:exceeds-wall-clock',
  'overlap:other-device',
  'overlap:other-lesson',
  'completion:unconfirmed',
  'order:earlier-incomplete',
] as const;
export type CreditFlag = (typeof CREDIT_FLAGS)[number];

/** Seconds of media that can honestly be played in `elapsedSeconds`: 1x plus 5% and 2 s. */
export function paceAllowance(elapsedSeconds: number): number {
  const elapsed = Number.isFinite(elapsedSeconds) ? Math.max(0, elapsedSeconds) : 0;
  return elapsed * MAX_CREDITED_RATE * (1 + PACE_TOLERANCE_RATIO) + PACE_TOLERANCE_SECONDS;
}

export interface ClaimFacts {
  /** Seconds of media the event covers that the server has not credited yet. */
  newSeconds: number;
  /** What the device says it played since its previous event for the lesson. */
  playedSinceLast: number;
  /** Device monotonic time since its previous event for the lesson. */
  elapsedSeconds: number;
  /** Totals of earlier events from the same device for the same lesson. */
  stream: { elapsedSeconds: number; creditedSeconds: number };
  /** Server-clock budget left for the participant (all courses, all devices). */
  wallRemainingSeconds: number;
  /** Credit other devices, or other lessons on this device, earned inside this event's window. */
  overlap: { otherDevice: number; otherLesson: number };
}

export interface PaceVerdict {
  creditSeconds: number;
  flags: CreditFlag[];
}

const EPSILON = 1e-6;

/** How much of a claim may be credited, and why the rest was not. */
export function checkPace(facts: ClaimFacts): PaceVerdict {
  const elapsedLimit = Math.min(
    paceAllowance(facts.elapsedSeconds),
    // Cumulative per device and lesson, so the 2 s tolerance cannot be collected event by event.
    paceAllowance(facts.stream.elapsedSeconds + facts.elapsedSeconds) -
      facts.stream.creditedSeconds,
  );
  const overlapUsed = facts.overlap.otherDevice + facts.overlap.otherLesson;
  const limits: [CreditFlag, number][] = [
    ['pace:too-fast', elapsedLimit],
    ['pace:segments-exceed-played', paceAllowance(facts.playedSinceLast)],
    ['pace:exceeds-wall-clock', facts.wallRemainingSeconds],
  ];
  if (overlapUsed > 0) {
    const flag = facts.overlap.otherDevice > 0 ? 'overlap:other-device' : 'overlap:other-lesson';
    limits.push([flag, paceAllowance(facts.elapsedSeconds) - overlapUsed]);
  }
  const wanted = Math.max(0, facts.newSeconds);
  const flags = new Set<CreditFlag>();
  let creditSeconds = wanted;
  for (const [flag, limit] of limits) {
    if (wanted > limit + EPSILON) flags.add(flag);
    creditSeconds = Math.min(creditSeconds, Math.max(0, limit));
  }
  // Playing more than the elapsed time is a speed-up claim even when it adds no new media.
  if (facts.playedSinceLast > paceAllowance(facts.elapsedSeconds) + EPSILON)
    flags.add('pace:too-fast');
  return { creditSeconds, flags: [...flags] };
}
