import { describe, expect, it } from 'vitest';
import { parseCourseManifest } from '../../src/domain/course-manifest.ts';

const lesson = {
  id: 'satu',
  title: 'Pelajaran satu',
  durationSeconds: 10,
  sources: [{ src: 'media/satu.mp4', type: 'video/mp4' }],
};
const valid = { schemaVersion: 1, id: 'kursus', title: 'Kursus', lessons: [lesson] };

describe('parseCourseManifest', () => {
  it('accepts a valid manifest and fills defaults', () => {
    const result = parseCourseManifest(valid);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.manifest.pauseWhenHidden).toBe(true);
      expect(result.manifest.lessons[0]?.captions).toEqual([]);
    }
  });

  it.each(['application/x-mpegURL', 'application/vnd.apple.mpegurl', 'video/webm'])(
    'accepts media type %s and absolute http(s) sources',
    (type) => {
      const source = { src: 'https://cdn.example.org/a/master.m3u8', type };
      expect(
        parseCourseManifest({ ...valid, lessons: [{ ...lesson, sources: [source] }] }).ok,
      ).toBe(true);
    },
  );

  it.each<[string, unknown, string, RegExp]>([
    ['a missing manifest', null, '(root)', /harus bertipe object/],
    ['a title of the wrong kind', { ...valid, title: 5 }, 'title', /harus teks/],
    ['a wrong schemaVersion', { ...valid, schemaVersion: 2 }, 'schemaVersion', /salah satu dari 1/],
    ['a missing title', { ...valid, title: undefined }, 'title', /wajib diisi/],
    ['no lessons', { ...valid, lessons: [] }, 'lessons', /minimal 1 item/],
    [
      'a lesson without sources',
      { ...valid, lessons: [{ ...lesson, sources: undefined }] },
      'lessons[0].sources',
      /wajib diisi/,
    ],
    [
      'an empty sources list',
      { ...valid, lessons: [{ ...lesson, sources: [] }] },
      'lessons[0].sources',
      /minimal 1 item/,
    ],
    [
      'an unknown media type',
      { ...valid, lessons: [{ ...lesson, sources: [{ src: 'a.avi', type: 'video/avi' }] }] },
      'lessons[0].sources[0].type',
      /salah satu dari/,
    ],
    [
      'a negative duration',
      { ...valid, lessons: [{ ...lesson, durationSeconds: -1 }] },
      'lessons[0].durationSeconds',
      /terlalu kecil/,
    ],
    [
      'a duration given as text',
      { ...valid, lessons: [{ ...lesson, durationSeconds: '10' }] },
      'lessons[0].durationSeconds',
      /harus bertipe number/,
    ],
    [
      'a threshold above 1',
      { ...valid, lessons: [{ ...lesson, completionThreshold: 1.5 }] },
      'lessons[0].completionThreshold',
      /melebihi batas 1/,
    ],
    ['an id with capitals', { ...valid, id: 'Kursus Saya' }, 'id', /huruf kecil/],
    ['a duplicate lesson id', { ...valid, lessons: [lesson, lesson] }, 'lessons[1].id', /ganda/],
    [
      'a bad caption language',
      {
        ...valid,
        lessons: [{ ...lesson, captions: [{ src: 'a.vtt', srclang: 'Bahasa', label: 'ID' }] }],
      },
      'lessons[0].captions[0].srclang',
      /kode bahasa/,
    ],
    [
      'a misspelt key',
      { ...valid, lessons: [{ ...lesson, completionTreshold: 0.9 }] },
      'lessons[0]',
      /kunci tak dikenal: completionTreshold/,
    ],
    [
      'a javascript: source',
      {
        ...valid,
        lessons: [{ ...lesson, sources: [{ src: 'javascript:alert(1)', type: 'video/mp4' }] }],
      },
      'lessons[0].sources[0].src',
      /relatif atau http/,
    ],
  ])('names the field and the problem for %s', (_name, input, field, message) => {
    const result = parseCourseManifest(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem?.id).toMatch(message);
    expect(problem?.en.startsWith(`${field}: `)).toBe(true);
  });
});

describe('parseCourseManifest: file facts', () => {
  const sha = 'a'.repeat(64);
  const hls = {
    src: 'media/satu/master.m3u8',
    type: 'application/x-mpegURL',
    bytes: 310,
    sha256: sha,
    bitrateKbps: 200,
    renditions: [
      {
        height: 240,
        bitrateKbps: 200,
        playlist: 'media/satu/240p/index.m3u8',
        bytes: 1200,
        files: [{ src: 'media/satu/240p/index.m3u8', bytes: 200, sha256: sha }],
      },
    ],
  };

  it('accepts sizes, hashes, heights and an HLS ladder, and a poster with its facts', () => {
    const withFacts = {
      ...lesson,
      poster: { src: 'media/satu.jpg', bytes: 5000, sha256: sha },
      sources: [hls, { src: 'media/satu.mp4', type: 'video/mp4', bytes: 9, height: 240 }],
      captions: [{ src: 'satu.vtt', srclang: 'id', label: 'Indonesia', bytes: 80, sha256: sha }],
    };
    expect(parseCourseManifest({ ...valid, lessons: [withFacts] }).ok).toBe(true);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an upper-case hash', { ...hls, sha256: 'A'.repeat(64) }, 'sha256', /SHA-256/],
    ['a fractional size', { ...hls, bytes: 1.5 }, 'bytes', /harus bertipe int|tidak valid/],
    [
      'renditions on an MP4 source',
      { src: 'a.mp4', type: 'video/mp4', renditions: hls.renditions },
      'renditions',
      /hanya untuk sumber HLS/,
    ],
  ])('refuses %s, naming the field', (_name, source, field, message) => {
    const result = parseCourseManifest({ ...valid, lessons: [{ ...lesson, sources: [source] }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.field).toBe(`lessons[0].sources[0].${field}`);
      expect(result.problems[0]?.id).toMatch(message);
    }
  });
});
