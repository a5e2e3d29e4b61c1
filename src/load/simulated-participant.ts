import { randomUUID } from 'node:crypto';
import type { LessonEvent, LessonEventType } from '../domain/lesson-events.ts';

/**
 * One simulated participant's device: plays the course's lessons in order at 1x in real time,
 * and writes lesson events the way the player does (a `started` event per lesson, `progress`
 * on every tick, `completed` at the lesson's end), with the device's monotonic elapsed time and
 * media played since its previous event for the lesson. Positions are kept to the millisecond,
 * so what it played is exactly what the server can credit.
 */
export interface SimLesson {
  id: string;
  durationSeconds: number;
}

const ms3 = (seconds: number) => Math.round(seconds * 1000) / 1000;

export class SimulatedDevice {
  readonly deviceId = `load-${randomUUID().slice(0, 12)}`;
  private seq = 0;
  private index = 0;
  private position = 0;
  private lastEvent: { mono: number; position: number } | undefined;
  /** Seconds of each lesson played (what the server must end up crediting). */
  readonly played = new Map<string, number>();

  constructor(
    private readonly courseId: string,
    private readonly lessons: readonly SimLesson[],
    private readonly wallAt: (mono: number) => number,
  ) {}

  get finished(): boolean {
    return this.index >= this.lessons.length;
  }

  private event(type: LessonEventType, mono: number): LessonEvent {
    const lesson = this.lessons[this.index] as SimLesson;
    const previous = this.lastEvent;
    const event: LessonEvent = {
      id: randomUUID(),
      deviceId: this.deviceId,
      seq: this.seq++,
      deviceTime: new Date(this.wallAt(mono)).toISOString(),
      courseId: this.courseId,
      lessonId: lesson.id,
      type,
      position: this.position,
      segments: this.position > 0 ? [[0, this.position]] : [],
      playedSinceLast: previous ? ms3(this.position - previous.position) : 0,
      elapsedMsSinceLast: previous ? Math.max(0, Math.round(mono - previous.mono)) : 0,
    };
    this.lastEvent = { mono, position: this.position };
    if (this.position > 0) this.played.set(lesson.id, this.position);
    return event;
  }

  /** Starts playing the current lesson at `mono` (performance.now() ms). */
  start(mono: number): LessonEvent[] {
    if (this.finished) return [];
    this.lastEvent = undefined;
    return [this.event('started', mono)];
  }

  /**
   * Plays on from `from` to `to` (monotonic ms) and returns the events written: one progress
   * event at `to`, plus a `completed` and the next lesson's `started` at each lesson end passed.
   */
  play(from: number, to: number): LessonEvent[] {
    const events: LessonEvent[] = [];
    let at = from;
    while (!this.finished && at < to) {
      const lesson = this.lessons[this.index] as SimLesson;
      const left = lesson.durationSeconds - this.position;
      const remaining = (to - at) / 1000;
      if (left > remaining + 0.0005) {
        this.position = ms3(this.position + remaining);
        events.push(this.event('progress', to));
        break;
      }
      at = Math.min(to, at + left * 1000);
      this.position = lesson.durationSeconds;
      events.push(this.event('completed', at));
      this.index += 1;
      this.position = 0;
      events.push(...this.start(at));
    }
    return events;
  }
}
