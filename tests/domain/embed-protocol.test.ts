import { describe, expect, it } from 'vitest';
import {
  acceptsHostMessage,
  frameAncestorsOf,
  isOriginAllowed,
  normalizeOrigin,
} from '../../src/domain/embed-origins.ts';
import { parseHostRequest, readyPayload } from '../../src/domain/embed-protocol.ts';
import {
  decideOpenLesson,
  mayReportProgress,
  newlyConfirmed,
  watchedShare,
} from '../../src/domain/embed-requests.ts';

describe('parseHostRequest', () => {
  it.each<[string, unknown, unknown]>([
    [
      'reads getProgress',
      { runtut: 1, id: 1, method: 'getProgress' },
      { ok: true, id: 1, request: { method: 'getProgress' } },
    ],
    [
      'reads openLesson with a lesson id',
      { runtut: 1, id: 'a', method: 'openLesson', params: { lessonId: 'l2' } },
      { ok: true, id: 'a', request: { method: 'openLesson', lessonId: 'l2' } },
    ],
    [
      'reads setLanguage en',
      { runtut: 1, id: 2, method: 'setLanguage', params: { language: 'en' } },
      { ok: true, id: 2, request: { method: 'setLanguage', language: 'en' } },
    ],
    [
      'refuses a language it does not have',
      { runtut: 1, id: 2, method: 'setLanguage', params: { language: 'fr' } },
      { ok: false, id: 2, reason: 'invalid-params' },
    ],
    [
      'refuses openLesson without a lesson',
      { runtut: 1, id: 3, method: 'openLesson', params: {} },
      { ok: false, id: 3, reason: 'invalid-params' },
    ],
    [
      'refuses a "complete" command',
      { runtut: 1, id: 4, method: 'complete', params: { lessonId: 'l1' } },
      { ok: false, id: 4, reason: 'unknown-method' },
    ],
    [
      'refuses an event forged by the host',
      { runtut: 1, event: 'lessoncompleted', data: { lessonId: 'l1' } },
      { ok: false, id: undefined, reason: 'not-a-request' },
    ],
    [
      'refuses another protocol version',
      { runtut: 2, id: 1, method: 'getProgress' },
      { ok: false, id: undefined, reason: 'not-a-request' },
    ],
    [
      'refuses a string message',
      '{"runtut":1,"id":1,"method":"getProgress"}',
      { ok: false, id: undefined, reason: 'not-a-request' },
    ],
    [
      'refuses a request without an id',
      { runtut: 1, method: 'getProgress' },
      { ok: false, id: undefined, reason: 'not-a-request' },
    ],
    [
      'refuses an over-long id',
      { runtut: 1, id: 'x'.repeat(65), method: 'getProgress' },
      { ok: false, id: undefined, reason: 'not-a-request' },
    ],
  ])('%s', (_name, data, expected) => {
    expect(parseHostRequest(data)).toEqual(expected);
  });

  it('announces every event and method in the handshake', () => {
    expect(readyPayload('c', 'l1')).toMatchObject({
      protocolVersion: 1,
      events: expect.arrayContaining(['ready', 'lessoncompleted', 'coursecompleted', 'error']),
      methods: ['getProgress', 'openLesson', 'setLanguage'],
    });
  });
});

describe('origins', () => {
  it.each<[string, string | undefined]>([
    ['https://Kursus.Example/', 'https://kursus.example'],
    ['https://kursus.example:443', 'https://kursus.example'],
    ['http://localhost:8081', 'http://localhost:8081'],
    ['http://127.0.0.1:80', 'http://127.0.0.1'],
    ['https://kursus.example/path', undefined],
    ['javascript:alert(1)', undefined],
    ['null', undefined],
    ['', undefined],
  ])('normalizes %s to %s', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  const allowed = ['https://kursus.example', 'http://localhost:8081'];
  it.each<[string, boolean]>([
    ['https://kursus.example', true],
    ['https://KURSUS.example/', true],
    ['http://kursus.example', false],
    ['https://kursus.example.evil.test', false],
    ['http://localhost:8082', false],
    ['null', false],
  ])('%s allowed: %s', (origin, expected) => {
    expect(isOriginAllowed(origin, allowed)).toBe(expected);
  });

  it.each<[string, { origin: string; fromParent: boolean }, boolean]>([
    [
      'the parent on an allowed origin',
      { origin: 'https://kursus.example', fromParent: true },
      true,
    ],
    [
      'another frame on an allowed origin',
      { origin: 'https://kursus.example', fromParent: false },
      false,
    ],
    ['the parent on another origin', { origin: 'https://evil.test', fromParent: true }, false],
  ])('accepts a message from %s: %s', (_name, sender, expected) => {
    expect(acceptsHostMessage(sender, allowed)).toBe(expected);
  });

  it.each<[string[], string[]]>([
    [['https://a.example/', 'https://A.example', 'bad value'], ['https://a.example']],
    [[], ["'none'"]],
  ])('frame-ancestors of %j is %j', (origins, expected) => {
    expect(frameAncestorsOf(origins)).toEqual(expected);
  });
});

describe('embed requests', () => {
  const ids = ['l1', 'l2', 'l3'];
  it.each<[string, string, string[], unknown]>([
    ['opens the first lesson', 'l1', [], { ok: true }],
    ['opens the next lesson after the first', 'l2', ['l1'], { ok: true }],
    ['refuses a locked lesson', 'l3', ['l1'], { ok: false, reason: 'lesson-locked' }],
    ['refuses an unknown lesson', 'zz', [], { ok: false, reason: 'lesson-unknown' }],
  ])('%s', (_name, lesson, completed, expected) => {
    expect(decideOpenLesson(lesson, ids, new Set(completed))).toEqual(expected);
  });

  it.each<[number | undefined, number, boolean]>([
    [undefined, 0, true],
    [1000, 1999, false],
    [1000, 2000, true],
  ])('progress after %s at %s may go: %s', (last, now, expected) => {
    expect(mayReportProgress(last, now)).toBe(expected);
  });

  it.each<[[number, number][], number, number]>([
    [[], 8, 0],
    [[[0, 4]], 8, 0.5],
    [[[0, 3]], 9, 0.333],
    [[[0, 10]], 8, 1],
  ])('watched share of %j over %s s is %s', (segments, duration, expected) => {
    expect(watchedShare(segments, duration)).toBe(expected);
  });

  it.each<[string, string[], string[], unknown]>([
    ['reports a new confirmation', [], ['l1'], { lessons: ['l1'], courseCompleted: false }],
    ['never reports a lesson twice', ['l1'], ['l1'], { lessons: [], courseCompleted: false }],
    [
      'completes the course with the last lesson',
      ['l1', 'l2'],
      ['l1', 'l2', 'l3'],
      { lessons: ['l3'], courseCompleted: true },
    ],
    [
      'does not complete a course already complete',
      ['l1', 'l2', 'l3'],
      ['l1', 'l2', 'l3'],
      { lessons: [], courseCompleted: false },
    ],
  ])('%s', (_name, before, now, expected) => {
    expect(newlyConfirmed(new Set(before), new Set(now), ids)).toEqual(expected);
  });
});
