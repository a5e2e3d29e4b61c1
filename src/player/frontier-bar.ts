import { onSeekBarDrawn } from './calm-seek-bar.ts';
import type { VideoJsPlayer } from './video-js-player.ts';

/**
 * A band on the seek bar up to the watched frontier, so the participant sees how far a click
 * may go. Decorative: the seek bar's own value and the UI's notice carry the meaning. While
 * playing it moves when the seek bar redraws (once a second), in the same frame; paused, a seek
 * or the end show at once.
 */
export function attachFrontierBar(player: VideoJsPlayer) {
  const band = document.createElement('div');
  band.className = 'runtut-frontier-bar';
  band.setAttribute('aria-hidden', 'true');
  player.el().querySelector('.vjs-progress-holder')?.prepend(band);
  let drawn = '';
  let wanted = '';
  const draw = () => {
    // Written only when it moved: a style write is a layout on the next frame.
    if (wanted === drawn) return;
    drawn = wanted;
    band.style.width = wanted;
  };
  const stopListening = onSeekBarDrawn(player, draw);
  return {
    update(frontier: number, duration: number, completed: boolean, playing: boolean): void {
      const share = completed ? 1 : duration > 0 ? Math.min(1, frontier / duration) : 0;
      wanted = `${(share * 100).toFixed(1)}%`;
      if (!playing) draw();
    },
    dispose(): void {
      stopListening();
      band.remove();
    },
  };
}
