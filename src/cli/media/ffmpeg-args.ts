import {
  H264_LEVEL,
  H264_PROFILE,
  KEYFRAME_SECONDS,
  MAX_FPS,
  SEGMENT_SECONDS,
  type Rung,
} from './ladder.ts';

/** What the packager knows about an input before it encodes it (from ffprobe). */
export interface InputFacts {
  file: string;
  hasAudio: boolean;
}

/** Progress as key=value lines on stdout, no banner or stats on stderr: a runner parses it. */
const QUIET = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1'];
/** Same input, same bytes: no encoder tags or metadata that change from run to run. */
const BITEXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact'];

function videoArgs(rung: Rung): string[] {
  const cap = rung.videoKbps;
  return [
    '-vf',
    `scale=-2:${rung.height}:flags=bicubic,setsar=1,format=yuv420p`,
    '-fpsmax',
    String(MAX_FPS),
    '-c:v',
    'libx264',
    '-preset',
    'slow',
    '-profile:v',
    H264_PROFILE,
    '-level:v',
    H264_LEVEL,
    '-crf',
    String(rung.crf),
    '-maxrate',
    `${cap}k`,
    '-bufsize',
    `${cap * 2}k`,
    // A keyframe every 2 s exactly, none at scene cuts, so every rung cuts at the same times.
    '-force_key_frames',
    `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`,
    '-sc_threshold',
    '0',
    '-threads',
    '2',
  ];
}

function audioArgs(rung: Rung, input: InputFacts): string[] {
  if (!input.hasAudio) return ['-an'];
  return [
    '-c:a',
    'aac',
    '-b:a',
    `${rung.audioKbps}k`,
    '-ac',
    '1',
    '-ar',
    '48000',
    '-flags:a',
    '+bitexact',
  ];
}

/** Input, streams and both encoders: what every rung and the MP4 fallback share. */
function encodeArgs(input: InputFacts, rung: Rung): string[] {
  return [
    ...QUIET,
    '-y',
    '-i',
    input.file,
    '-map',
    '0:v:0',
    ...(input.hasAudio ? ['-map', '0:a:0'] : []),
    ...videoArgs(rung),
    ...audioArgs(rung, input),
    ...BITEXACT,
  ];
}

/** One HLS rung: VOD media playlist `index.m3u8` and MPEG-TS segments of about 6 s in `dir`. */
export function hlsRungArgs(input: InputFacts, rung: Rung, dir: string): string[] {
  return [
    ...encodeArgs(input, rung),
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'mpegts',
    '-hls_flags',
    'independent_segments',
    '-hls_segment_filename',
    `${dir}/seg-%03d.ts`,
    `${dir}/index.m3u8`,
  ];
}

/** The progressive fallback: one MP4 with its index first ("faststart"). */
export function mp4FallbackArgs(input: InputFacts, rung: Rung, out: string): string[] {
  return [...encodeArgs(input, rung), '-movflags', '+faststart', out];
}

/** A JPEG poster of the frame at `atSeconds`, at most `height` pixels high. */
export function posterArgs(file: string, atSeconds: number, height: number, out: string): string[] {
  return [
    ...QUIET,
    '-y',
    '-ss',
    String(atSeconds),
    '-i',
    file,
    '-frames:v',
    '1',
    '-vf',
    `scale=-2:${height}:flags=bicubic,setsar=1`,
    '-q:v',
    '6',
    ...BITEXACT,
    out,
  ];
}

/** Prints the first picture's SPS fields, from which `avcCodecString` reads the RFC 6381 codec. */
export function spsTraceArgs(file: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-i',
    file,
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-frames:v',
    '1',
    '-bsf:v',
    'trace_headers',
    '-f',
    'null',
    '-',
  ];
}
