import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { Parser, type ParsedManifest } from 'm3u8-parser';
import type { LessonSource } from '../../domain/course-manifest.ts';
import { variantRates } from '../media/master-playlist.ts';
import { probeDurations } from './probe-pool.ts';
import {
  BITRATE_TOLERANCE,
  DURATION_TOLERANCE_SECONDS,
  withinShare,
  type Problem,
} from './problem.ts';

const parse = (text: string): ParsedManifest => {
  const parser = new Parser();
  parser.push(text);
  parser.end();
  return parser.manifest;
};

const kbit = (bps: number) => `${Math.round(bps / 1000)} kbit/s`;

/**
 * An HLS source: the master playlist lists every rung lowest first with BANDWIDTH, RESOLUTION
 * and CODECS; each rung is a VOD playlist whose segments exist, last what ffprobe measures, add
 * up to the lesson's duration, and carry a bitrate within 25% of the declared BANDWIDTH.
 */
export async function checkHls(
  dir: string,
  source: LessonSource,
  field: string,
  durationSeconds: number,
): Promise<Problem[]> {
  const masterPath = join(dir, source.src);
  if (!existsSync(masterPath)) return []; // reported by checkFiles
  const problems: Problem[] = [];
  const at = (file: string, where: string, message: string) =>
    problems.push({ file, field: where, message });
  const master = parse(await readFile(masterPath, 'utf8'));
  const variants = master.playlists ?? [];
  if (variants.length === 0)
    at(source.src, `${field}.src`, 'HLS master playlist lists no variants');
  let previousBandwidth = 0;
  for (const [index, variant] of variants.entries()) {
    const { BANDWIDTH: bandwidth, RESOLUTION: resolution, CODECS: codecs } = variant.attributes;
    const where = `${field}.src`;
    const label = `variant ${index + 1} (${variant.uri})`;
    if (!bandwidth) at(source.src, where, `${label} has no BANDWIDTH`);
    if (!resolution) at(source.src, where, `${label} has no RESOLUTION`);
    if (!codecs) at(source.src, where, `${label} has no CODECS`);
    if (bandwidth && bandwidth < previousBandwidth) {
      at(source.src, where, `${label} is listed after a higher rung: list the lowest rung first`);
    }
    previousBandwidth = bandwidth ?? previousBandwidth;
    const rendition = source.renditions?.[index];
    const renditionField = `${field}.renditions[${index}]`;
    if (source.renditions && !rendition)
      at('course.json', `${field}.renditions`, `has no entry for ${label}`);
    if (rendition && resolution && rendition.height !== resolution.height) {
      at(
        'course.json',
        `${renditionField}.height`,
        `is ${rendition.height}, the master playlist says ${resolution.height}`,
      );
    }
    const playlistSrc = posix.join(posix.dirname(source.src), variant.uri);
    if (rendition?.playlist !== undefined && rendition.playlist !== playlistSrc) {
      at(
        'course.json',
        `${renditionField}.playlist`,
        `is ${rendition.playlist}, the master playlist says ${playlistSrc}`,
      );
    }
    problems.push(
      ...(await checkRung(dir, playlistSrc, renditionField, durationSeconds, {
        bandwidth,
        average: Number(variant.attributes['AVERAGE-BANDWIDTH']) || undefined,
      })),
    );
  }
  return problems;
}

async function checkRung(
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
  const playlist = parse(await readFile(path, 'utf8'));
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
