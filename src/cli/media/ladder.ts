/**
 * The low-bandwidth ladder the packager encodes. Each rung caps its video bitrate (CRF with
 * maxrate/bufsize): simple pictures come out far below the cap, and nothing is padded up to it.
 * Totals as carried in MPEG-TS (about 10% above the streams themselves): 240p ≈ 200 kbit/s
 * (130 video + 48 mono AAC), 360p ≈ 400 (300 + 64), 480p ≈ 700 (560 + 64).
 */
export interface Rung {
  height: number;
  /** Cap of the video stream, kbit/s. */
  videoKbps: number;
  /** Mono AAC-LC, kbit/s. */
  audioKbps: number;
  /** Quality target below the cap: the encoder spends fewer bits where the picture allows. */
  crf: number;
}

export const RUNGS: Readonly<Record<number, Rung>> = {
  240: { height: 240, videoKbps: 130, audioKbps: 48, crf: 28 },
  360: { height: 360, videoKbps: 300, audioKbps: 64, crf: 28 },
  480: { height: 480, videoKbps: 560, audioKbps: 64, crf: 28 },
};

export const RUNG_HEIGHTS = Object.keys(RUNGS).map(Number);
export const DEFAULT_LADDER: readonly number[] = [240, 360];
/** The MP4 fallback uses the lowest rung's settings. */
export const FALLBACK_HEIGHT = 240;

export const KEYFRAME_SECONDS = 2;
export const SEGMENT_SECONDS = 6;
export const MAX_FPS = 30;
/** H.264 Main 3.0 plays on every phone that plays video at all. */
export const H264_PROFILE = 'main';
export const H264_LEVEL = '3.0';

export function rungOf(height: number): Rung {
  const rung = RUNGS[height];
  if (!rung) throw new Error(`no rung ${height}p (have ${RUNG_HEIGHTS.join(', ')})`);
  return rung;
}

export const totalKbps = (rung: Rung, withAudio: boolean) =>
  rung.videoKbps + (withAudio ? rung.audioKbps : 0);

/** The lesson's rungs, lowest first, without upscaling past the source's own height. */
export function ladderFor(requested: readonly number[], sourceHeight: number): number[] {
  const sorted = [...new Set(requested)].sort((a, b) => a - b);
  const fitting = sorted.filter((height) => height <= sourceHeight);
  return fitting.length > 0 ? fitting : sorted.slice(0, 1);
}
