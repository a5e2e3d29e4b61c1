/**
 * RFC 6381 codec string `avc1.PPCCLL` (profile, constraint flags, level) read from ffmpeg's
 * `trace_headers` output for the first SPS (see `spsTraceArgs`).
 */
export function avcCodecString(trace: string): string {
  const value = (name: string) => {
    const match = new RegExp(`\\s${name}\\s+\\S+ = (\\d+)`).exec(trace);
    return match ? Number(match[1]) : undefined;
  };
  const profile = value('profile_idc');
  const level = value('level_idc');
  if (profile === undefined || level === undefined) throw new Error('no H.264 SPS in the stream');
  let constraints = 0;
  for (let bit = 0; bit < 6; bit += 1) {
    constraints |= (value(`constraint_set${bit}_flag`) ?? 0) << (7 - bit);
  }
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `avc1.${hex(profile)}${hex(constraints)}${hex(level)}`;
}

/** AAC-LC, the only audio the packager writes. */
export const AAC_LC = 'mp4a.40.2';
