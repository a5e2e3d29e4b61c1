import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { staticRoutes } from '../../src/server/routes/static.ts';

/** The lesson played by every page: the sample's first lesson, and a 40 s one for busy time. */
export const LESSONS = {
  first: { media: 'pengantar.mp4', poster: 'pengantar.jpg', course: 'pengantar' },
  long: { media: 'pinjaman.mp4', poster: 'pinjaman.jpg', course: 'pinjaman' },
} as const;
export type LessonKey = keyof typeof LESSONS;

const SAMPLE = 'public/courses/sample/media';

/** video.js 8 as its getting-started guide has a provider paste it: full build, its CSS, data-setup. */
const videoJsPage = (lesson: LessonKey) => `<!doctype html>
<html><head><meta charset="utf-8"><title>video.js</title>
<link href="video-js.min.css" rel="stylesheet" /></head>
<body>
<video id="my-video" class="video-js" controls preload="auto" width="640" height="264"
  poster="${LESSONS[lesson].poster}" data-setup="{}">
  <source src="${LESSONS[lesson].media}" type="video/mp4" />
</video>
<script src="video.min.js"></script>
</body></html>`;

const barePage = (lesson: LessonKey) => `<!doctype html>
<html><head><meta charset="utf-8"><title>video</title></head>
<body><video controls preload="auto" width="640" poster="${LESSONS[lesson].poster}"
  src="${LESSONS[lesson].media}"></video></body></html>`;

export interface ReferenceSite {
  url(page: 'videojs' | 'bare', lesson: LessonKey): string;
  stop(): Promise<void>;
}

/**
 * The reference pages, from a temporary folder, served by the same static route as Runtut (so
 * the same compression a CDN would apply), on a free loopback port.
 */
export async function startReferenceSite(): Promise<ReferenceSite> {
  const dir = mkdtempSync(join(tmpdir(), 'runtut-bench-ref-'));
  mkdirSync(dir, { recursive: true });
  copyFileSync('node_modules/video.js/dist/video.min.js', join(dir, 'video.min.js'));
  copyFileSync('node_modules/video.js/dist/video-js.min.css', join(dir, 'video-js.min.css'));
  for (const key of Object.keys(LESSONS) as LessonKey[]) {
    const lesson = LESSONS[key];
    copyFileSync(join(SAMPLE, lesson.media), join(dir, lesson.media));
    copyFileSync(join(SAMPLE, 'posters', lesson.poster), join(dir, lesson.poster));
    writeFileSync(join(dir, `videojs-${key}.html`), videoJsPage(key));
    writeFileSync(join(dir, `bare-${key}.html`), barePage(key));
  }
  const app = staticRoutes(dir);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (page, lesson) => `http://127.0.0.1:${port}/${page}-${lesson}.html`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
