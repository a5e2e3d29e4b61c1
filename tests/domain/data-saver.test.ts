import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/domain/course-manifest.ts';
import {
  choiceForHeight,
  estimateLessonBytes,
  lessonRungs,
  parseQualityChoice,
  pickRung,
  shortForwardBuffer,
  type QualityChoice,
} from '../../src/domain/data-saver.ts';

const base = { id: 'l', title: 'L', captions: [] };
const hls: Lesson = {
  ...base,
  durationSeconds: 120,
  sources: [
    {
      src: 'master.m3u8',
      type: 'application/x-mpegURL',
      renditions: [
        { height: 480, bitrateKbps: 700, bytes: 10_500_000 },
        { height: 240, bitrateKbps: 180, bytes: 2_700_000 },
        { height: 360, bitrateKbps: 400 },
      ],
    },
    { src: 'fallback.mp4', type: 'video/mp4', height: 360, bytes: 6_000_000 },
  ],
};
const mp4s: Lesson = {
  ...base,
  durationSeconds: 60,
  sources: [
    { src: '720.mp4', type: 'video/mp4', height: 720, bytes: 30_000_000 },
    { src: '240.mp4', type: 'video/mp4', height: 240, bytes: 3_000_000 },
    { src: '360.mp4', type: 'video/mp4', height: 360, bitrateKbps: 500 },
  ],
};
const noFacts: Lesson = {
  ...base,
  durationSeconds: 8,
  sources: [{ src: 'a.mp4', type: 'video/mp4' }],
};
const hlsBitrateOnly: Lesson = {
  ...base,
  durationSeconds: 30,
  sources: [{ src: 'm.m3u8', type: 'application/x-mpegURL', bitrateKbps: 200 }],
};
const sameHeight: Lesson = {
  ...base,
  durationSeconds: 10,
  sources: [
    { src: 'big.mp4', type: 'video/mp4', height: 240, bytes: 900 },
    { src: 'small.mp4', type: 'video/mp4', height: 240, bytes: 500 },
  ],
};

describe('lessonRungs', () => {
  it.each<[string, Lesson, (number | undefined)[]]>([
    ['orders an HLS ladder lowest first', hls, [240, 360, 480]],
    ['makes every MP4 source a rung, lowest first', mp4s, [240, 360, 720]],
    ['gives one rung of unknown height without facts', noFacts, [undefined]],
    ['gives HLS without renditions one rung', hlsBitrateOnly, [undefined]],
  ])('%s', (_name, lesson, heights) => {
    expect(lessonRungs(lesson).map((rung) => rung.height)).toEqual(heights);
  });

  it('breaks a tie in height by bytes: the smaller file first', () => {
    expect(lessonRungs(sameHeight).map((rung) => rung.sourceIndex)).toEqual([1, 0]);
  });
});

describe('pickRung', () => {
  it.each<[string, Lesson, QualityChoice, number | undefined]>([
    ['data saver plays the lowest HLS rung', hls, 'saver', 240],
    ['a chosen height plays that rung', hls, 360, 360],
    ['a height between rungs plays the highest below it', hls, 400, 360],
    ['a height above the ladder plays the highest rung', hls, 1080, 480],
    ['a height below the ladder plays the lowest', hls, 144, 240],
    ['data saver plays the smallest MP4', mp4s, 'saver', 240],
    ['a chosen MP4 height plays that file', mp4s, 720, 720],
  ])('%s', (_name, lesson, choice, height) => {
    expect(pickRung(lessonRungs(lesson), choice)?.height).toBe(height);
  });

  it('has no rung for an empty ladder', () => {
    expect(pickRung([], 'saver')).toBeUndefined();
  });
});

describe('estimateLessonBytes', () => {
  it.each<[string, Lesson, QualityChoice, number | undefined]>([
    ['uses the rung stated bytes', hls, 'saver', 2_700_000],
    ['falls back to bitrate × duration', hls, 360, 6_000_000],
    ['uses the stated bytes of the chosen MP4', mp4s, 'saver', 3_000_000],
    ['falls back to bitrate × duration for an MP4', mp4s, 360, 3_750_000],
    ['uses the HLS source bitrate without renditions', hlsBitrateOnly, 'saver', 750_000],
    ['is unknown without facts', noFacts, 'saver', undefined],
  ])('%s', (_name, lesson, choice, bytes) => {
    expect(estimateLessonBytes(lesson, choice)).toBe(bytes);
  });
});

describe('the quality choice', () => {
  it.each<[string | null, QualityChoice]>([
    [null, 'saver'],
    ['', 'saver'],
    ['360', 360],
    ['abc', 'saver'],
    ['-240', 'saver'],
    ['99999', 'saver'],
    ['360.5', 'saver'],
  ])('parses %j as %j', (stored, choice) => {
    expect(parseQualityChoice(stored)).toBe(choice);
  });

  it('stores the lowest rung as data saver, anything higher as its height', () => {
    const rungs = lessonRungs(hls);
    expect(choiceForHeight(rungs, 240)).toBe('saver');
    expect(choiceForHeight(rungs, 480)).toBe(480);
  });

  it.each<[QualityChoice, boolean, boolean]>([
    ['saver', false, true],
    [360, false, false],
    [360, true, true],
  ])('keeps the forward buffer short for %j with saveData=%s: %s', (choice, saveData, short) => {
    expect(shortForwardBuffer(choice, saveData)).toBe(short);
  });
});
