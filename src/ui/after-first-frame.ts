/** How long work held back for the first frame waits when nothing plays. */
export const FIRST_FRAME_PATIENCE_MS = 3000;

let firstFrame: Promise<void> | undefined;

/**
 * Resolves once a video on the page first plays, or `FIRST_FRAME_PATIENCE_MS` after the first
 * call if none does (the participant came to download, or playback waits for a press). Work
 * that would share a thin link with the first frame waits for it: the worker's precache of the
 * whole app shell, and the downloads UI (whose room the outline keeps meanwhile, so that its
 * arrival moves nothing under a participant's finger).
 */
export function afterFirstFrame(): Promise<void> {
  firstFrame ??= new Promise((resolve) => {
    const played = [...document.querySelectorAll('video')].some((video) => video.played.length);
    if (played) return resolve();
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('playing', done, true);
      resolve();
    };
    const timer = setTimeout(done, FIRST_FRAME_PATIENCE_MS);
    document.addEventListener('playing', done, true);
  });
  return firstFrame;
}
