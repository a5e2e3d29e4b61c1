import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fieldPath } from '../../domain/course-manifest.ts';
import {
  CourseFileError,
  courseFileSchema,
  lessonFromFileName,
  type CoursePlan,
} from './course-file.ts';

export interface VideoPlanOptions {
  id?: string | undefined;
  title?: string | undefined;
  titleEn?: string | undefined;
  provider?: string | undefined;
  lang: string;
}

/**
 * A course made from video files alone: lessons in the order given, ids and titles from the file
 * names, and captions picked up beside each video (`name.srt`, `name.vtt`, `name.<lang>.srt` …).
 */
export function planFromVideos(files: readonly string[], options: VideoPlanOptions): CoursePlan {
  const lessons = files.map((file) => {
    const video = resolve(file);
    const { id, title } = lessonFromFileName(video);
    return { id, title, video, captions: sidecarCaptions(video, options.lang) };
  });
  const first = resolve(files[0] ?? '.');
  const id = options.id ?? lessonFromFileName(dirname(first)).id;
  const parsed = courseFileSchema.safeParse({
    id,
    title: options.titleEn
      ? { id: options.title ?? id, en: options.titleEn }
      : (options.title ?? id),
    ...(options.provider && { provider: options.provider }),
    lessons,
  });
  if (!parsed.success) {
    throw new CourseFileError(
      '(video files)',
      parsed.error.issues.map((issue) => `${fieldPath(issue.path) || '(root)'}: ${issue.message}`),
    );
  }
  return { ...parsed.data, baseDir: dirname(first) };
}

function sidecarCaptions(video: string, lang: string) {
  const stem = join(dirname(video), basename(video, extname(video)));
  for (const candidate of [
    `${stem}.${lang}.srt`,
    `${stem}.${lang}.vtt`,
    `${stem}.srt`,
    `${stem}.vtt`,
  ]) {
    if (existsSync(candidate)) {
      return [
        { file: candidate, lang, label: lang === 'id' ? 'Bahasa Indonesia' : lang, default: true },
      ];
    }
  }
  return [];
}
