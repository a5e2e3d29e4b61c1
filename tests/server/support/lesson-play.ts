import { randomUUID } from 'node:crypto';
import type { LessonEvent } from '../../../src/domain/lesson-events.ts';

/** One device as the player runs it: a per-device seq and a device clock (which may be wrong). */
export class TestDevice {
  seq = 0;
  constructor(
    public deviceId = `device-${randomUUID().slice(0, 8)}`,
    public clockMs = Date.parse('2026-11-22T12:00:00Z'),
  ) {}

  event(change: Partial<LessonEvent> & Pick<LessonEvent, 'lessonId'>): LessonEvent {
    const event: LessonEvent = {
      id: randomUUID(),
      deviceId: this.deviceId,
      seq: this.seq,
      deviceTime: new Date(this.clockMs).toISOString(),
      courseId: 'basics',
      type: 'progress',
      position: 0,
      segments: [],
      playedSinceLast: 0,
      elapsedMsSinceLast: 0,
      ...change,
    };
    this.seq += 1;
    return event;
  }

  /**
   * Plays [from, to) of a lesson at 1x with a heartbeat every `step` seconds: a `started` event,
   * progress events, and a `completed` claim at the end when `to` is the lesson's end.
   */
  play(
    lessonId: string,
    to: number,
    options: { from?: number; step?: number; courseId?: string; claimEnd?: boolean } = {},
  ): LessonEvent[] {
    const { from = 0, step = 5, courseId = 'basics', claimEnd = true } = options;
    const events = [
      this.event({
        lessonId,
        courseId,
        type: 'started',
        position: from,
        segments: from > 0 ? [[0, from]] : [],
      }),
    ];
    for (let at = from, next = from + step; at < to; at = next, next += step) {
      const end = Math.min(next, to);
      this.clockMs += (end - at) * 1000;
      const segments: [number, number][] = [[0, end]];
      events.push(
        this.event({
          lessonId,
          courseId,
          type: end === to && claimEnd ? 'completed' : 'progress',
          position: end,
          segments,
          playedSinceLast: end - at,
          elapsedMsSinceLast: (end - at) * 1000,
        }),
      );
    }
    return events;
  }
}
