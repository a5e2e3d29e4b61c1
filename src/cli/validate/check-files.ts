import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lesson } from '../../domain/course-manifest.ts';
import { fileFacts } from '../course/file-facts.ts';
import { referencedFiles, type Reference } from '../course/referenced-files.ts';
import { isWebVtt } from '../media/srt-to-vtt.ts';
import type { Problem } from './problem.ts';

const NAMES: Record<Reference['kind'], string> = {
  mp4: 'MP4 file',
  master: 'HLS master playlist',
  playlist: 'HLS media playlist',
  segment: 'HLS segment',
  caption: 'caption file',
  poster: 'poster image',
  media: 'media file',
};

/** Every referenced file is present, and its size and SHA-256 are the ones the manifest states. */
export async function checkFiles(dir: string, lessons: readonly Lesson[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [index, lesson] of lessons.entries()) {
    for (const reference of referencedFiles(lesson, index)) {
      problems.push(...(await checkFile(dir, reference)));
    }
  }
  return problems;
}

async function checkFile(dir: string, reference: Reference): Promise<Problem[]> {
  const path = join(dir, decodeURI(reference.src.split(/[?#]/)[0] ?? ''));
  const name = NAMES[reference.kind];
  const at = (field: string, message: string): Problem => ({ file: reference.src, field, message });
  const size = await stat(path).then(
    (info) => (info.isFile() ? info.size : -1),
    () => -1,
  );
  if (size < 0) return [at(`${reference.field}.src`, `${name} is missing`)];
  const problems: Problem[] = [];
  if (reference.bytes !== undefined && size !== reference.bytes) {
    problems.push(
      at(
        `${reference.field}.bytes`,
        size < reference.bytes
          ? `${name} is truncated: ${size} of ${reference.bytes} bytes`
          : `${name} is ${size} bytes, the manifest states ${reference.bytes}`,
      ),
    );
  } else if (
    reference.sha256 !== undefined &&
    (await fileFacts(path)).sha256 !== reference.sha256
  ) {
    problems.push(
      at(`${reference.field}.sha256`, `${name} changed since packaging: its SHA-256 differs`),
    );
  }
  if (reference.kind === 'caption' && !isWebVtt(await readFile(path, 'utf8'))) {
    problems.push(
      at(`${reference.field}.src`, 'caption file is not WebVTT (must start with "WEBVTT")'),
    );
  }
  return problems;
}
