/**
 * Where a lesson's files go inside the course folder, relative to course.json (the layout the
 * sample course has always had, so URLs in tests and caches stay stable).
 */
export const lessonPaths = (lessonId: string) => ({
  mp4: `media/${lessonId}.mp4`,
  poster: `media/posters/${lessonId}.jpg`,
  hlsDir: `media/${lessonId}`,
  master: `media/${lessonId}/master.m3u8`,
  rungDir: (height: number) => `media/${lessonId}/${height}p`,
  rungPlaylist: (height: number) => `media/${lessonId}/${height}p/index.m3u8`,
  caption: (lang: string) => `captions/${lessonId}.${lang}.vtt`,
});

export const BUILD_RECORD_FILE = '.runtut-build.json';
