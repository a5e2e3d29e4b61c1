import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { LessonSource } from '../../domain/course-manifest.ts';
import { checkRung } from './check-rung.ts';
import { parsePlaylist } from './parse-playlist.ts';
import type { Problem } from './problem.ts';

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
  const master = parsePlaylist(await readFile(masterPath, 'utf8'));
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
