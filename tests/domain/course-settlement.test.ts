import { describe, expect, it } from 'vitest';
import { settleCourse, type LessonStanding } from '../../src/domain/course-settlement.ts';

const lessons = ['one', 'two', 'three'].map((id) => ({ id, durationSeconds: 10 }));
const watched: LessonStanding = { credited: [[0, 10]], completedAt: null };
const partly: LessonStanding = { credited: [[0, 5]], completedAt: null };
const done: LessonStanding = { credited: [[0, 10]], completedAt: 1 };

describe('settleCourse', () => {
  it.each<[string, Record<string, LessonStanding>, string[], string[]]>([
    ['nothing watched', {}, [], []],
    ['the first lesson watched', { one: watched }, ['one'], []],
    ['lessons watched in order in one go', { one: watched, two: watched }, ['one', 'two'], []],
    ['a later lesson watched before an earlier one', { one: partly, two: watched }, [], ['two']],
    ['a waiting lesson once the earlier one completes', { one: done, two: watched }, ['two'], []],
    ['a gap after completed lessons', { one: done, two: partly, three: watched }, [], ['three']],
  ])('settles %s', (_name, standing, completedNow, waiting) => {
    const result = settleCourse(lessons, new Map(Object.entries(standing)));
    expect(result.completedNow).toEqual(completedNow);
    expect(result.waitingOnEarlier).toEqual(waiting);
  });
});
