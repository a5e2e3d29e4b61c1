import { describe, expect, it } from 'vitest';
import { embedAddress } from '../../src/qa/embed-address.ts';

const TEMPLATE =
  'http://localhost:5000/?participant={participant}&course={course}&lesson={lesson}&lang={lang}';
const base = { course: 'sample', participant: 'qa-1' };

describe('embedAddress', () => {
  it.each([
    ['the course', {}, 'http://localhost:5000/?participant=qa-1&course=sample'],
    [
      'a lesson',
      { lesson: 'anggaran' },
      'http://localhost:5000/?participant=qa-1&course=sample&lesson=anggaran',
    ],
    [
      'a lesson by its path, with lang',
      { path: '/c/sample/penutup', query: 'lang=en' },
      'http://localhost:5000/?participant=qa-1&course=sample&lesson=penutup&lang=en',
    ],
    [
      'a lesson by a path carrying the query',
      { path: '/c/sample/tabungan?lang=en' },
      'http://localhost:5000/?participant=qa-1&course=sample&lesson=tabungan&lang=en',
    ],
  ])('maps %s onto the placeholders, leaving empty ones out', (_, step, expected) => {
    expect(embedAddress(TEMPLATE, { ...base, ...step })).toBe(expected);
  });

  it('keeps parameters the provider wrote itself, and a template without placeholders', () => {
    expect(embedAddress('https://lms.example.id/qa?env=staging&c={course}', base)).toBe(
      'https://lms.example.id/qa?env=staging&c=sample',
    );
    expect(embedAddress('https://lms.example.id/course/7', base)).toBe(
      'https://lms.example.id/course/7',
    );
  });

  it.each([
    ['a lesson without {lesson}', 'https://lms.example.id/', { lesson: 'x' }, /no \{lesson\}/],
    [
      'lang without {lang}',
      'https://lms.example.id/?l={lesson}',
      { query: 'lang=en' },
      /no \{lang\}/,
    ],
    [
      'another course without {course}',
      'https://lms.example.id/',
      { path: '/c/other' },
      /course other.*no \{course\}/,
    ],
    ['a query it cannot pass', TEMPLATE, { query: 'launch=abc' }, /query launch cannot be passed/],
    [
      'a path that is no course address',
      TEMPLATE,
      { path: '/embed/sample' },
      /not a course or lesson address/,
    ],
  ])('refuses %s, saying what is missing', (_, template, step, message) => {
    expect(() => embedAddress(template, { ...base, ...step })).toThrow(message);
  });
});
