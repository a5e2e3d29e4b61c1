import videojs from 'video.js';

type VideoJsPlayer = ReturnType<typeof videojs>;
type MediaErrorLike = { code?: number } | string | number | null;

/** Returns true when the player takes the error over (it recovers; video.js shows nothing). */
export type ErrorClaimer = (code: number | undefined) => boolean;

const claimers = new WeakMap<VideoJsPlayer, ErrorClaimer>();
let registered = false;

/**
 * video.js's `beforeerror` hook, registered once for all players like the seek middleware: an
 * error the player's signal recovery claims never reaches video.js's error display or `error`
 * event. `player.error(err)` after `release()` shows a real error as before.
 */
export function claimMediaErrors(player: VideoJsPlayer, claimer: ErrorClaimer) {
  if (!registered) {
    registered = true;
    videojs.hook('beforeerror', (forPlayer: VideoJsPlayer, error: MediaErrorLike) => {
      if (error === null) return null;
      const claim = claimers.get(forPlayer);
      const code =
        typeof error === 'object' ? error.code : typeof error === 'number' ? error : undefined;
      return claim?.(code) ? null : error;
    });
  }
  claimers.set(player, claimer);
  return {
    /** Stop claiming and show `error` as video.js would (a real, lasting failure). */
    showAnyway(error: MediaErrorLike): void {
      claimers.delete(player);
      player.error(error as never);
      claimers.set(player, claimer);
    },
    dispose: () => claimers.delete(player),
  };
}
