import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { variantRates } from '../media/master-playlist.ts';
import { parsePlaylist } from './parse-playlist.ts';
import { probeDurations } from './probe-pool.ts';
import {
  BITRATE_TOLERANCE,
  DURATION_TOLERANCE_SECONDS,
  withinShare,
  type Problem,
} from './problem.ts';

const kbit = (bps: number) => `${Math.round(bps / 1000)} kbit/s`;

/**
 * One HLS rung: a VOD playlist whose segments exist and last what #EXTINF says, adding up to the
 * lesson's duration (ffprobe), with a real bitrate within 25% of what the master declares.
 */
export async function checkRung(
  dir: string,
  playlistSrc: string,
  field: string,
  durationSeconds: number,
  declared: { bandwidth: number | undefined; average: number | undefined },
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (file: string, where: string, message: string) =>
    problems.push({ file, field: where, message });
  const path = join(dir, playlistSrc);
  if (!existsSync(path)) {
    at(playlistSrc, field, 'HLS media playlist is missing');
    return problems;
  }
  const playlist = parsePlaylist(await readFile(path, 'utf8'));
  if (playlist.playlistType !== 'VOD' || !playlist.endList) {
    at(
      playlistSrc,
      field,
      'is not a VOD playlist (needs #EXT-X-PLAYLIST-TYPE:VOD and #EXT-X-ENDLIST)',
    );
  }
  const segmentPaths = playlist.segments.map((segment) => join(dirname(path), segment.uri));
  const [total, ...probed] = await probeDurations([path, ...segmentPaths]);
  const measured: { seconds: number; bytes: number }[] = [];
  for (const [index, segment] of playlist.segments.entries()) {
    const src = posix.join(posix.dirname(playlistSrc), segment.uri);
    const bytes = await stat(segmentPaths[index]!).then(
      (info) => info.size,
      () => -1,
    );
    if (bytes < 0) {
      at(src, field, 'HLS segment listed in the playlist is missing');
      continue;
    }
    const seconds = probed[index];
    if (seconds === undefined) at(src, field, 'HLS segment cannot be read by ffprobe (damaged?)');
    else if (Math.abs(seconds - segment.duration) > DURATION_TOLERANCE_SECONDS) {
      at(
        src,
        field,
        `HLS segment lasts ${seconds.toFixed(2)} s (ffprobe), the playlist says ${segment.duration} s`,
      );
    }
    measured.push({ seconds: segment.duration, bytes });
  }
  if (total === undefined) at(playlistSrc, field, 'HLS media playlist cannot be read by ffprobe');
  else if (Math.abs(total - durationSeconds) > DURATION_TOLERANCE_SECONDS) {
    at(
      playlistSrc,
      'durationSeconds',
      `is ${durationSeconds} s, this rung lasts ${total.toFixed(2)} s (ffprobe)`,
    );
  }
  const rates = variantRates(measured);
  if (declared.bandwidth && !withinShare(rates.peak, declared.bandwidth, BITRATE_TOLERANCE)) {
    at(
      playlistSrc,
      field,
      `peak bitrate ${kbit(rates.peak)} is not within 25% of the declared BANDWIDTH ${kbit(declared.bandwidth)}`,
    );
  }
  if (declared.average && !withinShare(rates.average, declared.average, BITRATE_TOLERANCE)) {
    at(
      playlistSrc,
      field,
      `mean bitrate ${kbit(rates.average)} is not within 25% of the declared AVERAGE-BANDWIDTH ${kbit(declared.average)}`,
    );
  }
  return problems;
}
