import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../src/domain/course-manifest.ts';
import type { Segment } from '../../src/domain/played-segments.ts';
import type { PlayerProgress } from '../../src/player/create-lesson-player.ts';
import type { StorageHealth } from '../../src/store/session-slice.ts';
import type { EventFacts, ProgressRepository } from '../../src/storage/progress-repository.ts';
import type { LessonProgressRecord } from '../../src/storage/runtut-db.ts';
import { createProgressRecorder } from '../../src/ui/lesson-player/progress-recorder.ts';

const lesson: Lesson = {
  id: 'satu',
  title: 'Satu',
  durationSeconds: 20,
  sources: [{ src: 'satu.mp4', type: 'video/mp4' }],
  captions: [],
};

/** An in-memory repository with the real one's contract, recording what was written. */
function memoryRepository(failWith?: string) {
  const writes: { record: LessonProgressRecord; facts: EventFacts | undefined }[] = [];
  const repository: ProgressRepository = {
    loadCourse: async () => writes.map((write) => write.record),
    save: async (record, facts) => {
      if (failWith) throw Object.assign(new Error(failWith), { name: failWith });
      writes.push({ record, facts });
    },
  };
  return { repository, writes };
}

function setup(failWith?: string) {
  let monotonic = 0;
  const { repository, writes } = memoryRepository(failWith);
  const health: StorageHealth[] = [];
  const completed: string[] = [];
  const recorder = createProgressRecorder({
    repository,
    participantId: 'p1',
    courseId: 'c1',
    lesson,
    initial: { segments: [], frontier: 0, position: 0, completedAt: null },
    onChange: () => {},
    onCompleted: (at) => completed.push(at),
    onStorageHealth: (h) => health.push(h),
    clock: {
      wallIso: () => new Date(1_700_000_000_000 + monotonic).toISOString(),
      monotonicMs: () => monotonic,
    },
  });
  const play = (until: number, reason: PlayerProgress['reason'] = 'tick') => {
    const segments: Segment[] = [[0, until]];
    recorder.record({
      segments,
      position: until,
      frontier: until,
      playing: reason === 'tick',
      reason,
    });
  };
  const advance = async (ms: number) => {
    monotonic += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { recorder, writes, health, completed, play, advance };
}

describe('createProgressRecorder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes progress at most every 2 seconds while playing', async () => {
    const { writes, play, advance } = setup();
    for (let t = 0.25; t <= 10; t += 0.25) {
      play(t);
      await advance(250);
    }
    expect(writes.length).toBeGreaterThanOrEqual(4);
    expect(writes.length).toBeLessThanOrEqual(6);
    const last = writes.at(-1)?.record.position ?? 0;
    expect(10 - last).toBeLessThanOrEqual(2);
  });

  it('writes at once on pause, hidden page and end', async () => {
    const { writes, play, advance } = setup();
    play(1);
    await advance(100);
    const before = writes.length;
    play(1.1, 'pause');
    play(1.2, 'hidden');
    await advance(0);
    expect(writes.length).toBe(before + 2);
  });

  it('logs a started event, then progress events at most every 10 seconds', async () => {
    const { recorder, writes, play, advance } = setup();
    await recorder.start();
    for (let t = 0.25; t <= 15; t += 0.25) {
      play(t);
      await advance(250);
    }
    const events = writes.flatMap((write) => (write.facts ? [write.facts] : []));
    expect(events[0]?.type).toBe('started');
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBe(1);
    expect(progress[0]?.playedSinceLast).toBeCloseTo(10, 0);
    expect(progress[0]?.elapsedMsSinceLast).toBeGreaterThanOrEqual(10_000);
  });

  it('completes only when the played coverage reaches the threshold', async () => {
    const { writes, completed, play, advance } = setup();
    play(5, 'ended');
    await advance(0);
    expect(completed).toEqual([]);
    play(19.7);
    await advance(0);
    expect(completed).toHaveLength(1);
    const completion = writes.find((write) => write.facts?.type === 'completed');
    expect(completion?.record.completedAt).toBe(completed[0]);
    play(20, 'ended');
    await advance(0);
    expect(completed).toHaveLength(1);
  });

  it('reports a full disk and keeps recording in memory', async () => {
    const { health, play, advance, completed } = setup('QuotaExceededError');
    play(19.9, 'pause');
    await advance(0);
    expect(health).toContain('full');
    expect(completed).toHaveLength(1);
  });

  it('reports unavailable storage for other failures', async () => {
    const { health, play, advance } = setup('DatabaseClosedError');
    play(2, 'pause');
    await advance(0);
    expect(health).toEqual(['unavailable']);
  });
});
