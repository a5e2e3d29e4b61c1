import { describe, expect, it } from 'vitest';
import { avcCodecString } from '../../src/cli/media/codec-string.ts';
import {
  masterPlaylist,
  mediaPlaylistSegments,
  variantRates,
} from '../../src/cli/media/master-playlist.ts';
import { ProgressReader } from '../../src/cli/media/progress-output.ts';

const segments = [
  { seconds: 6, bytes: 150_000 },
  { seconds: 6, bytes: 120_000 },
  { seconds: 2, bytes: 60_000 },
];

describe('master playlist', () => {
  it('declares the peak segment bitrate as BANDWIDTH and the mean as AVERAGE-BANDWIDTH', () => {
    expect(variantRates(segments)).toEqual({
      peak: 240_000,
      average: Math.ceil((330_000 * 8) / 14),
    });
  });

  it('lists the lowest rung first whatever order it is given', () => {
    const text = masterPlaylist([
      {
        uri: '360p/index.m3u8',
        width: 640,
        height: 360,
        codecs: 'avc1.4d401e,mp4a.40.2',
        segments,
      },
      {
        uri: '240p/index.m3u8',
        width: 426,
        height: 240,
        codecs: 'avc1.4d401e,mp4a.40.2',
        segments,
      },
    ]);
    const lines = text.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-INDEPENDENT-SEGMENTS',
    ]);
    expect(lines[3]).toBe(
      '#EXT-X-STREAM-INF:BANDWIDTH=240000,AVERAGE-BANDWIDTH=188572,RESOLUTION=426x240,CODECS="avc1.4d401e,mp4a.40.2"',
    );
    expect(lines[4]).toBe('240p/index.m3u8');
    expect(lines[6]).toBe('360p/index.m3u8');
  });

  it('reads segment names and durations from a media playlist', () => {
    const playlist =
      '#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.000000,\nseg-000.ts\n#EXTINF:1.52,\r\nseg-001.ts\n#EXT-X-ENDLIST\n';
    expect(mediaPlaylistSegments(playlist)).toEqual([
      { uri: 'seg-000.ts', seconds: 6 },
      { uri: 'seg-001.ts', seconds: 1.52 },
    ]);
  });
});

describe('avcCodecString', () => {
  const trace = (profile: number, flags: number[], level: number) =>
    [
      `[trace_headers @ 0x1] 8           profile_idc                 01001101 = ${profile}`,
      ...flags.map(
        (flag, i) => `[trace_headers @ 0x1] ${16 + i}  constraint_set${i}_flag   ${flag} = ${flag}`,
      ),
      `[trace_headers @ 0x1] 24          level_idc                   00011110 = ${level}`,
    ].join('\n');

  it.each([
    [77, [0, 1, 0, 0, 0, 0], 30, 'avc1.4d401e'],
    [66, [1, 1, 0, 0, 0, 0], 30, 'avc1.42c01e'],
    [100, [0, 0, 0, 0, 0, 0], 31, 'avc1.64001f'],
  ])('profile %i, flags %j, level %i → %s', (profile, flags, level, expected) => {
    expect(avcCodecString(trace(profile, flags, level))).toBe(expected);
  });

  it('refuses output without an SPS', () => {
    expect(() => avcCodecString('nothing here')).toThrow(/no H\.264 SPS/);
  });
});

describe('ProgressReader', () => {
  it('turns -progress blocks into shares of the lesson, split across chunks', () => {
    const reader = new ProgressReader(10);
    expect(reader.push('frame=10\nout_time_us=2500000\nprogress=con')).toEqual([]);
    expect(reader.push('tinue\nout_time_us=5000000\nprogress=continue\n')).toEqual([0.25, 0.5]);
    expect(reader.push('out_time_us=N/A\nprogress=continue\n')).toEqual([0.5]);
    expect(reader.push('out_time_us=12000000\nprogress=continue\nprogress=end\n')).toEqual([1, 1]);
  });
});
