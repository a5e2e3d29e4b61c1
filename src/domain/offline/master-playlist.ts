/**
 * Offline, an HLS lesson must play the rung that was downloaded: the master playlist is answered
 * with only the variants whose media playlists are stored. `isStored` gets each variant's URI as
 * written in the playlist.
 */
export function keepStoredVariants(master: string, isStored: (uri: string) => boolean): string {
  const lines = master.split(/\r?\n/);
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith('#EXT-X-STREAM-INF')) {
      const uri = (lines[index + 1] ?? '').trim();
      index++;
      if (isStored(uri)) out.push(line, uri);
      continue;
    }
    // I-frame and other rendition groups point at files we did not download.
    if (line.startsWith('#EXT-X-I-FRAME-STREAM-INF')) continue;
    out.push(line);
  }
  return out.join('\n');
}

/** The variant URIs a master playlist lists, in order. */
export function variantUris(master: string): string[] {
  const lines = master.split(/\r?\n/);
  return lines.flatMap((line, index) =>
    line.startsWith('#EXT-X-STREAM-INF') ? [(lines[index + 1] ?? '').trim()] : [],
  );
}
