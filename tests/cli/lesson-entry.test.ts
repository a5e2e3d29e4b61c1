import { describe, expect, it } from 'vitest';
import { parseCourseManifest } from '../../src/domain/course-manifest.ts';
import { lessonEntry, type WrittenLesson } from '../../src/cli/course/lesson-entry.ts';
import { referencedFiles } from '../../src/cli/course/referenced-files.ts';

const sha = (c: string) => c.repeat(64);
const file = (src: string, bytes: number, c = 'a') => ({ src, bytes, sha256: sha(c) });

const written: WrittenLesson = {
  id: 'satu',
  title: { id: 'Satu', en: 'One' },
  durationSeconds: 10,
  poster: file('media/posters/satu.jpg', 900),
  mp4: { ...file('media/satu.mp4', 250_000, 'b'), height: 240 },
  hls: {
    master: file('media/satu/master.m3u8', 300, 'c'),
    rungs: [
      {
        height: 360,
        kbps: 380,
        files: [
          file('media/satu/360p/index.m3u8', 200),
          file('media/satu/360p/seg-000.ts', 475_000),
        ],
      },
      {
        height: 240,
        kbps: 190,
        files: [
          file('media/satu/240p/index.m3u8', 200),
          file('media/satu/240p/seg-000.ts', 237_500),
        ],
      },
    ],
  },
  captions: [
    {
      ...file('captions/satu.id.vtt', 120, 'd'),
      srclang: 'id',
      label: 'Bahasa Indonesia',
      default: true,
    },
  ],
};

describe('lessonEntry', () => {
  const entry = lessonEntry(written);

  it('is accepted by the player schema', () => {
    const result = parseCourseManifest({ schemaVersion: 1, id: 'c', title: 'C', lessons: [entry] });
    expect(result.ok).toBe(true);
  });

  it('lists HLS first with its ladder lowest first, then the MP4 with its height and bitrate', () => {
    const [hls, mp4] = entry.sources;
    expect(
      hls?.renditions?.map((rung) => [rung.height, rung.bitrateKbps, rung.playlist, rung.bytes]),
    ).toEqual([
      [240, 190, 'media/satu/240p/index.m3u8', 237_700],
      [360, 380, 'media/satu/360p/index.m3u8', 475_200],
    ]);
    expect(hls?.bitrateKbps).toBe(190);
    expect(mp4).toEqual({
      src: 'media/satu.mp4',
      type: 'video/mp4',
      bytes: 250_000,
      sha256: sha('b'),
      bitrateKbps: 200,
      height: 240,
    });
  });

  it('gives every file its facts, and referencedFiles finds each one with its field', () => {
    const references = referencedFiles(entry, 3);
    expect(references.map((r) => [r.field, r.src, r.kind])).toEqual([
      ['lessons[3].sources[0]', 'media/satu/master.m3u8', 'master'],
      ['lessons[3].sources[0].renditions[0].files[0]', 'media/satu/240p/index.m3u8', 'playlist'],
      ['lessons[3].sources[0].renditions[0].files[1]', 'media/satu/240p/seg-000.ts', 'segment'],
      ['lessons[3].sources[0].renditions[1].files[0]', 'media/satu/360p/index.m3u8', 'playlist'],
      ['lessons[3].sources[0].renditions[1].files[1]', 'media/satu/360p/seg-000.ts', 'segment'],
      ['lessons[3].sources[1]', 'media/satu.mp4', 'mp4'],
      ['lessons[3].captions[0]', 'captions/satu.id.vtt', 'caption'],
      ['lessons[3].poster', 'media/posters/satu.jpg', 'poster'],
    ]);
    expect(references.every((r) => r.bytes !== undefined && r.sha256?.length === 64)).toBe(true);
  });

  it('skips absolute URLs, which live on another server', () => {
    const remote = {
      ...entry,
      sources: [{ src: 'https://cdn.example.org/a.mp4', type: 'video/mp4' as const }],
    };
    expect(referencedFiles(remote, 0).map((r) => r.kind)).toEqual(['caption', 'poster']);
  });
});
