import { describe, expect, it } from 'vitest';
import { hlsRungArgs, mp4FallbackArgs, posterArgs } from '../../src/cli/media/ffmpeg-args.ts';
import { ladderFor, rungOf, totalKbps } from '../../src/cli/media/ladder.ts';

const input = { file: '/in/lesson.mp4', hasAudio: true };

/** The value after a flag, e.g. valueOf(args, '-maxrate'). */
const valueOf = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('the ladder', () => {
  it.each([
    [240, 200],
    [360, 400],
    [480, 700],
  ])(
    'keeps %ip at or below about %i kbit/s in total before container overhead',
    (height, total) => {
      expect(totalKbps(rungOf(height), true)).toBeLessThanOrEqual(total * 0.95);
      expect(totalKbps(rungOf(height), true)).toBeGreaterThanOrEqual(total * 0.8);
    },
  );

  it.each([
    { requested: [360, 240], source: 1080, expected: [240, 360] },
    { requested: [240, 360, 480], source: 360, expected: [240, 360] },
    { requested: [240, 360], source: 200, expected: [240] },
    { requested: [240, 240, 480], source: 720, expected: [240, 480] },
  ])(
    'orders $requested lowest first and never upscales a $source p source',
    ({ requested, source, expected }) => {
      expect(ladderFor(requested, source)).toEqual(expected);
    },
  );

  it('refuses an unknown rung', () => {
    expect(() => rungOf(1080)).toThrow(/no rung 1080p/);
  });
});

describe('hlsRungArgs', () => {
  const args = hlsRungArgs(input, rungOf(240), '/out/media/a/240p');

  it.each([
    ['-maxrate', '130k'],
    ['-bufsize', '260k'],
    ['-crf', '28'],
    ['-b:a', '48k'],
    ['-ac', '1'],
    ['-hls_time', '6'],
    ['-hls_playlist_type', 'vod'],
    ['-hls_segment_type', 'mpegts'],
    ['-force_key_frames', 'expr:gte(t,n_forced*2)'],
    ['-sc_threshold', '0'],
    ['-profile:v', 'main'],
    ['-progress', 'pipe:1'],
    ['-hls_segment_filename', '/out/media/a/240p/seg-%03d.ts'],
  ])('passes %s %s', (flag, value) => {
    expect(valueOf(args, flag)).toBe(value);
  });

  it('caps the bitrate rather than padding it: no -b:v, -minrate or filler', () => {
    expect(args).not.toContain('-b:v');
    expect(args).not.toContain('-minrate');
    expect(args.join(' ')).not.toMatch(/nal-hrd=cbr/);
  });

  it('scales to the rung height keeping the aspect ratio, and writes the playlist last', () => {
    expect(valueOf(args, '-vf')).toMatch(/^scale=-2:240:/);
    expect(args.at(-1)).toBe('/out/media/a/240p/index.m3u8');
  });

  it('maps no audio for a silent source', () => {
    const silent = hlsRungArgs({ ...input, hasAudio: false }, rungOf(360), '/o');
    expect(silent).toContain('-an');
    expect(silent).not.toContain('0:a:0');
    expect(valueOf(silent, '-maxrate')).toBe('300k');
  });
});

describe('mp4FallbackArgs and posterArgs', () => {
  it('writes a faststart MP4 with the 240p caps', () => {
    const args = mp4FallbackArgs(input, rungOf(240), '/out/media/a.mp4');
    expect(valueOf(args, '-movflags')).toBe('+faststart');
    expect(valueOf(args, '-maxrate')).toBe('130k');
    expect(args.at(-1)).toBe('/out/media/a.mp4');
  });

  it('takes one frame at the given time, seeking before the input', () => {
    const args = posterArgs('/in/a.mp4', 1.5, 360, '/out/p.jpg');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(valueOf(args, '-ss')).toBe('1.5');
    expect(valueOf(args, '-frames:v')).toBe('1');
    expect(valueOf(args, '-vf')).toMatch(/^scale=-2:360:/);
  });
});
