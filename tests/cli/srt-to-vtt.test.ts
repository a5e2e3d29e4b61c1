import { describe, expect, it } from 'vitest';
import { isWebVtt, srtToVtt } from '../../src/cli/media/srt-to-vtt.ts';

describe('srtToVtt', () => {
  it.each([
    {
      name: 'numbered cues with comma milliseconds',
      srt: '1\n00:00:00,500 --> 00:00:03,000\nHalo\n\n2\n00:00:03,000 --> 00:00:06,250\nBaris satu\nBaris dua\n',
      vtt: 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:03.000\nHalo\n\n2\n00:00:03.000 --> 00:00:06.250\nBaris satu\nBaris dua\n',
    },
    {
      name: 'Windows line ends, a BOM, and no cue numbers',
      srt: '\uFEFF00:01:02,003 --> 00:01:04,000\r\nSatu\r\n\r\n\r\n',
      vtt: 'WEBVTT\n\n00:01:02.003 --> 00:01:04.000\nSatu\n',
    },
    {
      name: 'single-digit hours, short milliseconds and an arrow inside the text',
      srt: '7\n1:00:00,5 --> 1:00:01,75\nA --> B\n',
      vtt: 'WEBVTT\n\n7\n01:00:00.500 --> 01:00:01.750\nA -> B\n',
    },
  ])('converts $name', ({ srt, vtt }) => {
    expect(srtToVtt(srt)).toBe(vtt);
    expect(isWebVtt(srtToVtt(srt))).toBe(true);
  });

  it('names the line of a timing that is not SRT', () => {
    expect(() => srtToVtt('1\n00:00:01 to 00:00:02\nteks\n')).toThrow(/^line 2: expected/);
  });

  it.each([
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nx', true],
    ['\uFEFFWEBVTT - judul\n', true],
    ['WEBVTTX\n', false],
    ['1\n00:00:00,000 --> 00:00:01,000\n', false],
  ])('recognises WebVTT: %j → %s', (text, expected) => {
    expect(isWebVtt(text)).toBe(expected);
  });
});
