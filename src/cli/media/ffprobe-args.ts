/** ffprobe as JSON: the container's duration and every stream's type, size and frame rate. */
export function probeArgs(file: string): string[] {
  return [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_entries',
    'format=duration,bit_rate:stream=codec_type,codec_name,width,height,avg_frame_rate,duration',
    file,
  ];
}

export interface ProbeResult {
  durationSeconds: number;
  video?: { codec: string; width: number; height: number; fps: number };
  audio?: { codec: string };
}

interface RawProbe {
  format?: { duration?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
  }[];
}

function fps(rate: string | undefined): number {
  const [num = 0, den = 1] = (rate ?? '0/1').split('/').map(Number);
  return den > 0 ? num / den : 0;
}

/** Reads `probeArgs` output; throws when the file has no duration (not a media file). */
export function parseProbe(json: string): ProbeResult {
  const raw = JSON.parse(json) as RawProbe;
  const durationSeconds = Number(raw.format?.duration);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    throw new Error('no duration: not a playable media file');
  }
  const video = raw.streams?.find((stream) => stream.codec_type === 'video');
  const audio = raw.streams?.find((stream) => stream.codec_type === 'audio');
  return {
    durationSeconds,
    ...(video && {
      video: {
        codec: video.codec_name ?? '',
        width: video.width ?? 0,
        height: video.height ?? 0,
        fps: fps(video.avg_frame_rate),
      },
    }),
    ...(audio && { audio: { codec: audio.codec_name ?? '' } }),
  };
}
