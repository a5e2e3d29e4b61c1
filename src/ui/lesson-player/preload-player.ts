import type { createLessonPlayer } from '../../player/create-lesson-player.ts';

let loading: Promise<{ createLessonPlayer: typeof createLessonPlayer }> | undefined;

/**
 * The player library (video.js and the guards, a third of the page's bytes), fetched once: the
 * boot calls this right after the first screen is drawn, so it is usually in by the time the
 * lesson mounts; the lesson view awaits the same promise.
 */
export function preloadPlayer(): Promise<{ createLessonPlayer: typeof createLessonPlayer }> {
  loading ??= import('../../player/create-lesson-player.ts');
  return loading;
}
