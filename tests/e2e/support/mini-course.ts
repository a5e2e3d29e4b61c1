import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A built app whose catalog also holds `mini`: two 2-second lessons made by ffmpeg, so a test
 * can play a whole course. Returns STATIC_DIR and COURSES_DIR for the server: dist/ linked
 * entry by entry, beside the sample course.
 */
export function miniCourseStatic(): { STATIC_DIR: string; COURSES_DIR: string } {
  const root = mkdtempSync(join(tmpdir(), 'runtut-mini-'));
  const dist = resolve('dist');
  for (const entry of readdirSync(dist))
    if (entry !== 'courses') symlinkSync(join(dist, entry), join(root, entry));
  const courses = join(root, 'courses');
  mkdirSync(join(courses, 'mini', 'media'), { recursive: true });
  symlinkSync(join(dist, 'courses', 'sample'), join(courses, 'sample'));
  const lessons = ['satu', 'dua'].map((id) => {
    execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-t', '2'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
      join(courses, 'mini', 'media', `${id}.mp4`),
    ]);
    return {
      id,
      title: { id: `Bagian ${id}`, en: `Part ${id}` },
      durationSeconds: 2,
      sources: [{ src: `media/${id}.mp4`, type: 'video/mp4' }],
      captions: [],
    };
  });
  const manifest = { schemaVersion: 1, id: 'mini', title: { id: 'Mini', en: 'Mini' } };
  writeFileSync(
    join(courses, 'mini', 'course.json'),
    JSON.stringify({ ...manifest, provider: 'Runtut tests', pauseWhenHidden: false, lessons }),
  );
  return { STATIC_DIR: root, COURSES_DIR: courses };
}
