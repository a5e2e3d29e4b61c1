/**
 * When the player asks the network again after a media request failed or stalled, and what it
 * tells the participant meanwhile. Pure: the player passes in what it observed and the time.
 */
export type NetworkState = 'ok' | 'waiting' | 'offline';

/** No byte and no progress for this long while the picture is starved: the signal is gone. */
export const STALL_MS = 4000;
/**
 * A stall shorter than this gets this much grace once the server answers again, so the media
 * engine's own retry can carry on without a reload; a longer one is reloaded at once (a link
 * silent for that long is not coming back).
 */
export const RELOAD_GRACE_MS = 2000;
export const LONG_STALL_MS = 10_000;
/**
 * While the browser says it is online, probe again after 0.5, 1, then every 2 seconds: with no
 * signal a probe costs nothing on the air, and the lesson should go on soon after it returns.
 */
const ONLINE_DELAYS_MS = [500, 1000, 2000];
/** While it says offline, the `online` event brings the next try; this is only a safety net. */
export const OFFLINE_RECHECK_MS = 15_000;

/** Milliseconds to wait before the next reachability probe, after `failures` failed ones. */
export function nextProbeDelayMs(failures: number, online: boolean): number {
  if (!online) return OFFLINE_RECHECK_MS;
  const index = Math.min(Math.max(0, Math.floor(failures)), ONLINE_DELAYS_MS.length - 1);
  return ONLINE_DELAYS_MS[index] ?? OFFLINE_RECHECK_MS;
}

export interface SignalObservation {
  /** `navigator.onLine`. */
  online: boolean;
  /** A media request failed and the engine gave up: nothing plays beyond the buffer. */
  failed: boolean;
  /** The participant wants playback and the element has no data at the position. */
  starved: boolean;
  /** Milliseconds since the last byte arrived or the position moved. */
  quietMs: number;
}

/** What `data-network-state` says: offline whenever the browser knows it is, else waiting on a real loss. */
export function networkStateOf(observation: SignalObservation): NetworkState {
  if (!observation.online) return 'offline';
  if (observation.failed) return 'waiting';
  return observation.starved && observation.quietMs >= STALL_MS ? 'waiting' : 'ok';
}

/** The engine needs a fresh request (and the server answers again): reload the source now? */
export function shouldReload(input: {
  failed: boolean;
  /** Milliseconds the picture has been starved without a byte. */
  quietMs: number;
  /** Milliseconds since a probe found the server reachable again. */
  reachableForMs: number;
  /** Seconds of media still buffered ahead of the position while it plays. */
  bufferedAhead: number;
  advancing: boolean;
  /** The picture waits for data. */
  starved: boolean;
  /** The browser was offline during this loss: every request the engine made then failed. */
  wasOffline: boolean;
}): boolean {
  if (input.failed) return !input.advancing || input.bufferedAhead < 2;
  if (input.wasOffline && input.starved) return true;
  if (input.quietMs >= LONG_STALL_MS) return true;
  return input.quietMs >= STALL_MS && input.reachableForMs >= RELOAD_GRACE_MS;
}
