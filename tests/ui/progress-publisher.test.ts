import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressPublisher } from '../../src/ui/course-page/progress-publisher.ts';
import type { LessonProgressView } from '../../src/store/progress-slice.ts';

const view = (end: number, completedAt: string | null = null): LessonProgressView => ({
  segments: [[0, end]],
  frontier: end,
  position: end,
  completedAt,
});

describe('createProgressPublisher', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  function make() {
    const published: LessonProgressView[] = [];
    const publisher = createProgressPublisher({
      durationSeconds: 100,
      publish: (v) => published.push(v),
      now: () => clock,
    });
    return { publisher, published };
  }

  it('publishes four reports a second of playback about once a second, the newest each time', () => {
    const { publisher, published } = make();
    for (let tick = 0; tick <= 40; tick += 1) {
      clock = tick * 250;
      publisher.update(view(tick * 0.25));
      vi.advanceTimersByTime(250);
    }
    expect(published.length).toBeGreaterThanOrEqual(10);
    expect(published.length).toBeLessThanOrEqual(11);
    expect(publisher.latest?.frontier).toBe(10);
  });

  it('publishes nothing while only the position moves (re-watching a watched part)', () => {
    const { publisher, published } = make();
    publisher.update(view(50));
    for (let tick = 1; tick <= 20; tick += 1) {
      clock = tick * 250;
      publisher.update({ ...view(50), position: tick * 0.25 });
      vi.advanceTimersByTime(250);
    }
    expect(published).toHaveLength(1);
    expect(publisher.latest?.position).toBe(5);
  });

  it('publishes a completion at once, inside the interval', () => {
    const { publisher, published } = make();
    publisher.update(view(98));
    clock = 100;
    publisher.update(view(99.9, '2024-01-01T00:00:00.000Z'));
    expect(published.at(-1)?.completedAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('publishes the held report when the interval ends, and on flush', () => {
    const { publisher, published } = make();
    publisher.update(view(1));
    clock = 300;
    publisher.update(view(2));
    expect(published).toHaveLength(1);
    vi.advanceTimersByTime(700);
    expect(published.at(-1)?.frontier).toBe(2);
    clock = 1200;
    publisher.update(view(3));
    clock = 1300;
    publisher.update(view(4));
    publisher.flush();
    expect(published.at(-1)?.frontier).toBe(4);
  });
});
