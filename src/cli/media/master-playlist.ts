/** One variant of a master playlist, as measured from its segments on disk. */
export interface Variant {
  uri: string;
  width: number;
  height: number;
  codecs: string;
  /** Segment durations (EXTINF) and sizes in bytes, in playlist order. */
  segments: readonly { seconds: number; bytes: number }[];
}

export interface VariantRates {
  /** Peak segment bitrate in bit/s: what RFC 8216 §4.3.4.2 asks BANDWIDTH to be. */
  peak: number;
  /** Mean over the whole rung, bit/s. */
  average: number;
}

export function variantRates(segments: Variant['segments']): VariantRates {
  let peak = 0;
  let bits = 0;
  let seconds = 0;
  for (const segment of segments) {
    if (segment.seconds <= 0) continue;
    peak = Math.max(peak, (segment.bytes * 8) / segment.seconds);
    bits += segment.bytes * 8;
    seconds += segment.seconds;
  }
  return { peak: Math.ceil(peak), average: seconds > 0 ? Math.ceil(bits / seconds) : 0 };
}

/** The master playlist, lowest rung first: players start on the first variant listed. */
export function masterPlaylist(variants: readonly Variant[]): string {
  const sorted = [...variants].sort((a, b) => a.height - b.height);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const variant of sorted) {
    const rates = variantRates(variant.segments);
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${rates.peak},AVERAGE-BANDWIDTH=${rates.average},` +
        `RESOLUTION=${variant.width}x${variant.height},CODECS="${variant.codecs}"`,
      variant.uri,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Segment URIs and durations of a media playlist written by ffmpeg (for sizes on disk). */
export function mediaPlaylistSegments(text: string): { uri: string; seconds: number }[] {
  const out: { uri: string; seconds: number }[] = [];
  let pending: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith('#') && pending !== undefined) {
      out.push({ uri: line, seconds: pending });
      pending = undefined;
    }
  }
  return out;
}
