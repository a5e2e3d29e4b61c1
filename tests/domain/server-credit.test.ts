import { describe, expect, it } from 'vitest';
import type { LessonEvent } from '../../src/domain/lesson-events.ts';
import type { Segment } from '../../src/domain/played-segments.ts';
import {
  creditBatch,
  lessonKey,
  type Claim,
  type ParticipantLedger,
} from '../../src/domain/server-credit.ts';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const lessons = [
  { id: 'one', durationSeconds: 20 },
  { id: 'two', durationSeconds: 20 },
];
const courses = new Map([['c', lessons]]);

function freshLedger(nowMs = T0 + 3600_000): ParticipantLedger {
  return {
    nowMs,
    anchorMs: T0,
    creditedTotalSeconds: 0,
    lessons: new Map(),
    streams: new Map(),
    windows: [],
  };
}

let seq = 0;
function claim(change: Partial<LessonEvent> & { segments: Segment[] }): Claim {
  seq += 1;
  const event: LessonEvent = {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    deviceId: 'phone-aaa',
    seq,
    deviceTime: new Date(T0 + seq * 10_000).toISOString(),
    courseId: 'c',
    lessonId: 'one',
    type: 'progress',
    position: change.segments.at(-1)?.[1] ?? 0,
    playedSinceLast: 10,
    elapsedMsSinceLast: 10_000,
    ...change,
  };
  return { event, lesson: lessons.find((lesson) => lesson.id === event.lessonId)! };
}

/** A device playing a 20 s lesson honestly, one event every 10 s. */
function honestPlay(lessonId: string, deviceId = 'phone-aaa', startMs = T0): Claim[] {
  return [10, 20].map((end, i) =>
    claim({
      lessonId,
      deviceId,
      segments: [[0, end]],
      deviceTime: new Date(startMs + (i + 1) * 10_000).toISOString(),
      type: end === 20 ? 'completed' : 'progress',
    }),
  );
}

describe('creditBatch', () => {
  it('completes a lesson played honestly, at the server clock', () => {
    const { ledger, outcomes } = creditBatch(freshLedger(), honestPlay('one'), courses);
    expect(outcomes.map((outcome) => outcome.flags)).toEqual([[], []]);
    expect(ledger.lessons.get(lessonKey('c', 'one'))).toMatchObject({
      credited: [[0, 20]],
      completedAt: T0 + 3600_000,
      position: 20,
    });
    expect(ledger.creditedTotalSeconds).toBe(20);
  });

  it('does not complete a completed claim with too little coverage, and flags it', () => {
    const forged = claim({ segments: [[0, 5]], type: 'completed', playedSinceLast: 5 });
    const { ledger, outcomes } = creditBatch(freshLedger(), [forged], courses);
    expect(outcomes[0]?.flags).toEqual(['completion:unconfirmed']);
    expect(ledger.lessons.get(lessonKey('c', 'one'))).toMatchObject({
      completedAt: null,
      flags: ['completion:unconfirmed'],
    });
  });

  it('credits only what the elapsed time allows when coverage jumps ahead', () => {
    const jump = claim({
      segments: [[0, 20]],
      type: 'completed',
      playedSinceLast: 20,
      elapsedMsSinceLast: 4_000,
    });
    const { ledger, outcomes } = creditBatch(freshLedger(), [jump], courses);
    expect(outcomes[0]?.creditedSeconds).toBeCloseTo(4 * 1.05 + 2, 9);
    expect(outcomes[0]?.flags).toEqual(['pace:too-fast', 'completion:unconfirmed']);
    expect(ledger.lessons.get(lessonKey('c', 'one'))?.completedAt).toBeNull();
  });

  it('never credits more than the server clock since the participant appeared', () => {
    const { outcomes } = creditBatch(freshLedger(T0 + 5_000), honestPlay('one'), courses);
    expect(outcomes[0]?.creditedSeconds).toBeCloseTo(5 * 1.05 + 2, 9);
    expect(outcomes[0]?.flags).toContain('pace:exceeds-wall-clock');
  });

  it('credits two devices playing the same minutes only once', () => {
    const batch = [...honestPlay('one', 'phone-aaa'), ...honestPlay('two', 'phone-bbb')];
    const { ledger, outcomes } = creditBatch(freshLedger(), batch, courses);
    expect(
      outcomes.slice(2).every((outcome) => outcome.flags.includes('overlap:other-device')),
    ).toBe(true);
    expect(ledger.creditedTotalSeconds).toBeLessThan(20 + 2 * 2.5 + 1e-9);
  });

  it('does not credit media another device already earned (a restored phone)', () => {
    const first = creditBatch(freshLedger(), honestPlay('one', 'phone-aaa'), courses);
    const restored = claim({
      deviceId: 'phone-new',
      segments: [[0, 20]],
      playedSinceLast: 0,
      elapsedMsSinceLast: 0,
      type: 'started',
    });
    const { outcomes } = creditBatch(first.ledger, [restored], courses);
    expect(outcomes[0]).toMatchObject({ creditedSeconds: 0, flags: [] });
  });

  it('holds a later lesson until the earlier one completes, then completes it', () => {
    const early = creditBatch(freshLedger(), honestPlay('two', 'phone-aaa', T0 + 600_000), courses);
    expect(early.ledger.lessons.get(lessonKey('c', 'two'))).toMatchObject({
      completedAt: null,
      flags: ['order:earlier-incomplete', 'completion:unconfirmed'],
    });
    const later = { ...early.ledger, nowMs: T0 + 7200_000 };
    const { ledger } = creditBatch(later, honestPlay('one', 'phone-aaa', T0 + 1200_000), courses);
    expect(ledger.lessons.get(lessonKey('c', 'one'))?.completedAt).toBe(T0 + 7200_000);
    expect(ledger.lessons.get(lessonKey('c', 'two'))?.completedAt).toBe(T0 + 7200_000);
  });

  it('leaves the input ledger unchanged', () => {
    const input = freshLedger();
    creditBatch(input, honestPlay('one'), courses);
    expect(input).toEqual(freshLedger());
  });
});
