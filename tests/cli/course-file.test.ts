import { describe, expect, it } from 'vitest';
import {
  CourseFileError,
  lessonFromFileName,
  parseCourseFile,
} from '../../src/cli/course/course-file.ts';

const YAML = `
id: literasi
title: { id: Literasi Keuangan, en: Financial Literacy }
provider: Lembaga Contoh
rungs: [240, 360, 480]
lessons:
  - id: satu
    title: { id: Satu, en: One }
    video: video/satu.mp4
    captions:
      - { file: teks/satu.srt, lang: id, label: Bahasa Indonesia, default: true }
  - id: dua
    title: Dua
    video: /abs/dua.mov
    delivery: mp4
`;

function problemsOf(file: string, content: string): string[] {
  try {
    parseCourseFile(file, content);
  } catch (error) {
    if (error instanceof CourseFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the course file to be refused');
}

describe('parseCourseFile', () => {
  it('reads YAML and resolves paths against the course file', () => {
    const plan = parseCourseFile('/courses/kursus.yaml', YAML);
    expect(plan.id).toBe('literasi');
    expect(plan.rungs).toEqual([240, 360, 480]);
    expect(plan.lessons.map((lesson) => lesson.video)).toEqual([
      '/courses/video/satu.mp4',
      '/abs/dua.mov',
    ]);
    expect(plan.lessons[0]?.captions[0]?.file).toBe('/courses/teks/satu.srt');
    expect(plan.lessons.map((lesson) => lesson.delivery)).toEqual(['hls', 'mp4']);
    expect(plan.lessons[1]?.captions).toEqual([]);
  });

  it('reads the same course as JSON', () => {
    const json = JSON.stringify({
      id: 'c',
      title: 'C',
      lessons: [{ id: 'a', title: 'A', video: 'a.mp4' }],
    });
    expect(parseCourseFile('/x/course.json', json).lessons[0]?.video).toBe('/x/a.mp4');
  });

  it.each([
    {
      name: 'a missing video',
      content: 'id: c\ntitle: C\nlessons:\n  - { id: a, title: A }\n',
      problem: 'lessons[0].video: is required but missing',
    },
    {
      name: 'an id with capitals',
      content: 'id: Kursus\ntitle: C\nlessons:\n  - { id: a, title: A, video: a.mp4 }\n',
      problem: 'id: must be lowercase letters, digits or -',
    },
    {
      name: 'an unknown rung',
      content: 'id: c\ntitle: C\nrungs: [1080]\nlessons:\n  - { id: a, title: A, video: a.mp4 }\n',
      problem: 'rungs[0]: must be one of 240, 360, 480',
    },
    {
      name: 'a duplicate lesson id',
      content:
        'id: c\ntitle: C\nlessons:\n  - { id: a, title: A, video: a.mp4 }\n  - { id: a, title: B, video: b.mp4 }\n',
      problem: 'lessons[1].id: duplicate lesson id',
    },
    {
      name: 'a misspelt key',
      content: 'id: c\ntitle: C\nlessons:\n  - { id: a, title: A, vidio: a.mp4, video: a.mp4 }\n',
      problem: 'lessons[0]: unknown keys: vidio',
    },
    {
      name: 'a caption without a language',
      content:
        'id: c\ntitle: C\nlessons:\n  - { id: a, title: A, video: a.mp4, captions: [{ file: a.srt, label: X }] }\n',
      problem: 'lessons[0].captions[0].lang: is required but missing',
    },
    {
      name: 'a title that is neither text nor { id, en }',
      content:
        'id: c\ntitle: { en: Only English }\nlessons:\n  - { id: a, title: A, video: a.mp4 }\n',
      problem: 'title: must be text, or { id: Indonesian, en: English }',
    },
  ])('names the field for $name', ({ content, problem }) => {
    expect(problemsOf('kursus.yaml', content)).toContain(problem);
  });

  it('names the file when it is not YAML at all, and prefixes every problem with it', () => {
    const [problem] = problemsOf('rusak.yaml', 'id: [unclosed');
    expect(problem).toMatch(/^\(file\): cannot be read/);
    expect(() => parseCourseFile('rusak.yaml', 'id: c\n')).toThrow(/^rusak\.yaml: /);
  });
});

describe('lessonFromFileName', () => {
  it.each([
    ['/v/01-Pengantar_kursus.mp4', 'pengantar-kursus', 'Pengantar kursus'],
    ['02 menyusun anggaran.MOV', 'menyusun-anggaran', 'Menyusun anggaran'],
    ['tabungan.mp4', 'tabungan', 'Tabungan'],
    [
      'Modul 3: Pinjaman (bagian 1).mkv',
      'modul-3-pinjaman-bagian-1',
      'Modul 3: Pinjaman (bagian 1)',
    ],
  ])('%s → id %s, title %s', (file, id, title) => {
    expect(lessonFromFileName(file)).toEqual({ id, title });
  });
});
