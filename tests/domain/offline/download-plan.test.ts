import { describe, expect, it } from 'vitest';
import { lessonSchema, type Lesson } from '../../../src/domain/course-manifest.ts';
import {
  downloadQualityOf,
  planLessonDownload,
  plannedBytes,
  planSignature,
} from '../../../src/domain/offline/download-plan.ts';

const hash = (c: string) => c.repeat(64);
const lesson = (extra: Record<string, unknown>): Lesson =>
  lessonSchema.parse({ id: 'l', title: 'L', durationSeconds: 10, ...extra });

const mp4 = lesson({
  sources: [
    { src: 'a-480.mp4', type: 'video/mp4', height: 480, bytes: 900 },
    { src: 'a-240.mp4', type: 'video/mp4', height: 240, bytes: 300, sha256: hash('a') },
  ],
  captions: [{ src: 'a.vtt', srclang: 'id', label: 'ID', bytes: 10, sha256: hash('b') }],
  poster: { src: 'a.jpg', bytes: 20, sha256: hash('c') },
});
const hls = lesson({
  sources: [
    {
      src: 'h/master.m3u8',
      type: 'application/x-mpegURL',
      bytes: 5,
      renditions: [
        { height: 360, files: [{ src: 'h/360/index.m3u8', bytes: 1 }] },
        {
          height: 240,
          files: [
            { src: 'h/240/index.m3u8', bytes: 2 },
            { src: 'h/240/seg-0.ts', bytes: 100 },
          ],
        },
      ],
    },
  ],
});

describe('planLessonDownload', () => {
  it('takes the smallest MP4 source, its captions and its poster', () => {
    const plan = planLessonDownload(mp4);
    expect(plan.ok && plan.files.map((f) => [f.src, f.role])).toEqual([
      ['a-240.mp4', 'media'],
      ['a.vtt', 'caption'],
      ['a.jpg', 'poster'],
    ]);
    expect(plan.ok && plannedBytes(plan.files)).toBe(330);
  });

  it('takes the HLS master and every file of the lowest rung', () => {
    const plan = planLessonDownload(hls);
    expect(plan.ok && plan.files.map((f) => [f.src, f.role])).toEqual([
      ['h/master.m3u8', 'playlist'],
      ['h/240/index.m3u8', 'playlist'],
      ['h/240/seg-0.ts', 'segment'],
    ]);
    expect(downloadQualityOf(hls).rendition?.height).toBe(240);
  });

  it('refuses an HLS lesson whose manifest does not list the rung’s files', () => {
    const bare = lesson({ sources: [{ src: 'm.m3u8', type: 'application/x-mpegURL' }] });
    expect(planLessonDownload(bare)).toEqual({ ok: false, reason: 'hls-without-files' });
  });

  it('gives a republished file a different signature', () => {
    const before = planLessonDownload(mp4);
    const after = planLessonDownload(
      lesson({
        sources: [
          { src: 'a-240.mp4', type: 'video/mp4', height: 240, bytes: 300, sha256: hash('d') },
        ],
        captions: [{ src: 'a.vtt', srclang: 'id', label: 'ID', bytes: 10, sha256: hash('b') }],
        poster: { src: 'a.jpg', bytes: 20, sha256: hash('c') },
      }),
    );
    expect(
      before.ok && after.ok && planSignature(before.files) !== planSignature(after.files),
    ).toBe(true);
    expect(before.ok && planSignature(before.files)).toBe(
      before.ok && planSignature([...before.files]),
    );
  });
});
