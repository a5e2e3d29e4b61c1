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
  return {
    update(frontier: number, duration: number, completed: boolean): void {
      const share = completed ? 1 : duration > 0 ? Math.min(1, frontier / duration) : 0;
      band.style.width = `${(share * 100).toFixed(2)}%`;
    },
    dispose(): void {
      band.remove();
    },
  };
}
