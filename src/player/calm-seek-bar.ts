import videojs from 'video.js';
import type { VideoJsPlayer } from './video-js-player.ts';

/** While playing, the seek bar is redrawn this often (video.js: every 30 ms). */
export const SEEK_BAR_REDRAW_MS = 1000;

/** What this file uses of video.js's SeekBar (its type is not exported by the package). */
interface SeekBarInstance {
  player_: VideoJsPlayer;
  updateInterval: number | null;
  percent_: number;
  update(event?: Event): number;
  on(target: unknown, types: string[], listener: () => void): void;
  setInterval(fn: () => void, ms: number): number;
  requestNamedAnimationFrame(name: string, fn: () => void): void;
}
type SeekBarClass = new (player: VideoJsPlayer, options?: object) => SeekBarInstance;

let installed = false;
const drawListeners = new WeakMap<VideoJsPlayer, Set<() => void>>();

/**
 * Calls `listener` each time the player's seek bar redrew, so what is drawn on it (the frontier
 * band) changes in the same frame: one paint a second while playing, not two. Returns the undo.
 */
export function onSeekBarDrawn(player: VideoJsPlayer, listener: () => void): () => void {
  const listeners = drawListeners.get(player) ?? new Set();
  drawListeners.set(player, listeners);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Replaces video.js's SeekBar with one that redraws about once a second while playing. The stock
 * bar redraws every 30 ms and every `timeupdate`, and each redraw measures the bar (a forced
 * layout): that is most of a video.js page's main-thread time during playback, on phones that
 * have little of it. A seek, a pause or the end still redraw at once. Call before mounting.
 */
export function installCalmSeekBar(): void {
  if (installed) return;
  installed = true;
  const SeekBar = videojs.getComponent('SeekBar') as unknown as SeekBarClass;

  class CalmSeekBar extends SeekBar {
    private lastDrawAt = Number.NEGATIVE_INFINITY;

    constructor(player: VideoJsPlayer, options?: object) {
      super(player, options);
      this.on(player, ['seeked', 'pause', 'ended'], () => {
        this.lastDrawAt = Number.NEGATIVE_INFINITY;
        this.update();
      });
    }

    override update(event?: Event): number {
      const playing = !this.player_.paused() && !this.player_.seeking();
      // While playing, only the interval below redraws (once a second); a `timeupdate` between
      // two of its ticks would add a second paint. The constructor's first calls come before
      // the field above is set.
      const drewLately = performance.now() - (this.lastDrawAt ?? Number.NEGATIVE_INFINITY);
      if (playing && event?.type === 'timeupdate' && drewLately < 2 * SEEK_BAR_REDRAW_MS) {
        return this.percent_;
      }
      this.lastDrawAt = performance.now();
      const percent = super.update(event);
      // video.js writes the bar's width in an animation frame: the listeners write in the same.
      this.requestNamedAnimationFrame('CalmSeekBar#drawn', () => {
        for (const listener of drawListeners.get(this.player_) ?? []) listener();
      });
      return percent;
    }

    enableInterval_(): void {
      if (this.updateInterval) return;
      this.updateInterval = this.setInterval(() => this.update(), SEEK_BAR_REDRAW_MS);
    }
  }

  videojs.registerComponent(
    'SeekBar',
    CalmSeekBar as unknown as Parameters<typeof videojs.registerComponent>[1],
  );
}
