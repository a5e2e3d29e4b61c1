import { describe, expect, it } from 'vitest';
import type { LessonEvent } from '../../src/domain/lesson-events.ts';
import type { StoredLessonEvent } from '../../src/storage/runtut-db.ts';
import { backoffDelay } from '../../src/sync/backoff.ts';
import { chunkBySize } from '../../src/sync/batches.ts';
import { launchTokenSubject } from '../../src/sync/launch-token.ts';

describe('backoffDelay', () => {
  it.each([
    [1, 1, 1_000],
    [2, 1, 2_000],
    [3, 1, 4_000],
    [6, 1, 32_000],
    [7, 1, 60_000],
    [50, 1, 60_000],
    [5, 0, 0],
    [5, 0.5, 8_000],
  ])('after %i failures with random %f waits %i ms at most', (attempt, random, expected) => {
    expect(backoffDelay(attempt, () => random)).toBe(expected);
  });

  it('never waits longer than the cap, whatever the attempt count', () => {
    for (let attempt = 1; attempt < 2000; attempt += 37) {
      expect(backoffDelay(attempt, () => 0.999_999)).toBeLessThan(60_000);
    }
  });
});

function row(index: number, segments: number): StoredLessonEvent {
  const event: LessonEvent = {
    id: crypto.randomUUID(),
    deviceId: 'device-123',
    seq: index,
    deviceTime: '2024-01-01T00:00:00.000Z',
    courseId: 'c',
    lessonId: 'l',
    type: 'progress',
    position: 1,
    segments: Array.from({ length: segments }, (_, i): [number, number] => [i * 2, i * 2 + 1]),
    playedSinceLast: 0,
    elapsedMsSinceLast: 0,
  };
  return { localId: index, participantId: 'p', delivery: 'pending', event };
}

describe('chunkBySize', () => {
  it('keeps small batches whole and in order', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i, 1));
    const chunks = chunkBySize(rows);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.map((r) => r.localId)).toEqual(rows.map((r) => r.localId));
  });

  it('splits a batch whose body would pass the byte limit, preserving order', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i, 500));
    const chunks = chunkBySize(rows, 200_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat().map((r) => r.localId)).toEqual(rows.map((r) => r.localId));
    for (const chunk of chunks) {
      const body = JSON.stringify({ events: chunk.map((r) => r.event) });
      expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(200_000);
    }
  });
});

describe('launchTokenSubject', () => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    [`${encode({ alg: 'HS256' })}.${encode({ sub: 'peserta-42', exp: 1 })}.sig`, 'peserta-42'],
    [`${encode({ alg: 'HS256' })}.${encode({ sub: 'ñandú-ü' })}.sig`, 'ñandú-ü'],
    [`${encode({ alg: 'HS256' })}.${encode({ name: 'no sub' })}.sig`, undefined],
    ['not-a-jwt', undefined],
    ['a.!!!.c', undefined],
  ])('reads the subject of %s', (token, expected) => {
    expect(launchTokenSubject(token)).toBe(expected);
  });
});
