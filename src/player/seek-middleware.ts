import videojs from 'video.js';
import type { RequestGate } from './request-gate.ts';

type VideoJsPlayer = ReturnType<typeof videojs>;

const gates = new WeakMap<VideoJsPlayer, RequestGate>();
let registered = false;

/**
 * Sends every seek video.js makes (seek bar drag, click and touch, its keyboard keys and digit
 * shortcuts, `player.currentTime(t)`) through the gate. Middleware is registered globally
 * (`videojs.use`) and applies to a player only while that player has a gate. `setCurrentTime`
 * is one of the few setters middleware may rewrite; it returns a number, never TERMINATOR.
 */
export function routeSeeksThroughGate(player: VideoJsPlayer, gate: RequestGate): () => void {
  if (!registered) {
    registered = true;
    videojs.use('*', (forPlayer: VideoJsPlayer) => ({
      setCurrentTime(time: number): number {
        return gates.get(forPlayer)?.seek(time) ?? time;
      },
    }));
  }
  gates.set(player, gate);
  return () => gates.delete(player);
}
