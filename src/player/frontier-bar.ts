import type { VideoJsPlayer } from './video-js-player.ts';

/**
 * A band on the seek bar up to the watched frontier, so the participant sees how far a click
 * may go. Decorative: the seek bar's own value and the UI's notice carry the meaning.
 */
export function attachFrontierBar(player: VideoJsPlayer) {
  const band = document.createElement('div');
  band.className = 'runtut-frontier-bar';
  band.setAttribute('aria-hidden', 'true');
  player.el().querySelector('.vjs-progress-holder')?.prepend(band);
  let width = '';
  return {
    update(frontier: number, duration: number, completed: boolean): void {
      const share = completed ? 1 : duration > 0 ? Math.min(1, frontier / duration) : 0;
      // Written only when it moved: a style write is a layout on the next frame.
      const next = `${(share * 100).toFixed(1)}%`;
      if (next === width) return;
      width = next;
      band.style.width = next;
    },
    dispose(): void {
      band.remove();
    },
  };
}
