import { describe, expect, it } from 'vitest';
import { checkOrigin, checkProviderId } from '../../src/domain/provider-identity.ts';
import { reachOfCourse, type Caller, type CourseReach } from '../../src/domain/provider-scope.ts';
import { durationChanges, type TimedLesson } from '../../src/domain/republish-rule.ts';

describe('reachOfCourse', () => {
  const course = { id: 'keuangan', providerId: 'acme' };
  it.each<[string, Caller, CourseReach]>([
    ["the course's provider, any course", { providerId: 'acme' }, 'allowed'],
    ["the course's provider, this course", { providerId: 'acme', courseId: 'keuangan' }, 'allowed'],
    [
      "the course's provider, another course",
      { providerId: 'acme', courseId: 'x' },
      'other-course',
    ],
    ['another provider', { providerId: 'beta' }, 'other-provider'],
    [
      'another provider naming this course',
      { providerId: 'beta', courseId: 'keuangan' },
      'other-provider',
    ],
  ])('gives %s: %s', (_name, caller, reach) => {
    expect(reachOfCourse(caller, course)).toBe(reach);
  });
});

describe('durationChanges', () => {
  const lessons = (...durations: number[]): TimedLesson[] =>
    durations.map((durationSeconds, index) => ({ id: `l${index}`, durationSeconds }));
  it.each<[string, TimedLesson[], TimedLesson[], string[]]>([
    ['the same durations', lessons(20, 30), lessons(20, 30), []],
    ['a change within 0.1 s', lessons(20, 30), lessons(20.08, 29.95), []],
    ['a longer lesson', lessons(20, 30), lessons(25, 30), ['l0']],
    ['a shorter lesson', lessons(20, 30), lessons(20, 29.8), ['l1']],
    ['a new lesson', lessons(20), lessons(20, 30), []],
    ['a removed lesson', lessons(20, 30), lessons(20), []],
  ])('finds %s', (_name, before, after, changed) => {
    expect(durationChanges(before, after).map((change) => change.lessonId)).toEqual(changed);
  });
});

describe('provider names', () => {
  it.each<[string, string | undefined]>([
    ['https://kursus.example', 'https://kursus.example'],
    ['https://kursus.example/', 'https://kursus.example'],
    ['http://127.0.0.1:5174', 'http://127.0.0.1:5174'],
    ['https://Kursus.Example', 'https://kursus.example'],
    ['https://kursus.example/path', undefined],
    ['ftp://kursus.example', undefined],
    ['kursus.example', undefined],
  ])('reads origin %s as %s', (text, origin) => {
    const checked = checkOrigin(text);
    expect(checked.ok ? checked.value : undefined).toBe(origin);
  });
  it.each<[string, boolean]>([
    ['acme', true],
    ['lpk-maju-2', true],
    ['Acme', false],
    ['-acme', false],
    ['acme:1', false],
    ['', false],
  ])('accepts provider id "%s": %s', (text, ok) => {
    expect(checkProviderId(text).ok).toBe(ok);
  });
});
