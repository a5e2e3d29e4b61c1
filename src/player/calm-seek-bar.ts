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
}
type SeekBarClass = new (player: VideoJsPlayer, options?: object) => SeekBarInstance;

let installed = false;

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
      const now = performance.now();
      // The constructor's first calls come before the field above is set.
      const last = this.lastDrawAt ?? Number.NEGATIVE_INFINITY;
      if (playing && event?.type === 'timeupdate' && now - last < SEEK_BAR_REDRAW_MS - 50) {
        return this.percent_;
      }
      this.lastDrawAt = now;
      return super.update(event);
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
