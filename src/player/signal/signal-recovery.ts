import {
  networkStateOf,
  nextProbeDelayMs,
  shouldReload,
  type NetworkState,
} from '../../domain/signal-recovery.ts';
import { nativeMedia } from '../native-media.ts';
import { mediaReachable } from './reachability-probe.ts';
import type { SignalNoticeKind } from './signal-notice.ts';

export interface SignalRecoveryOptions {
  el: HTMLVideoElement;
  /** One of the lesson's own URLs, probed to learn whether the server answers again. */
  probeUrl: string;
  now(): number;
  /**
   * Load the lesson's own source again and go on from the last trusted position, through the
   * seek gate like every other seek; play again if `resume`.
   */
  reload(resume: boolean): void;
  onChange(state: NetworkState, notice: SignalNoticeKind): void;
  /** The media keeps failing although the server answers: a real error, show it. */
  giveUp(): void;
}

const TICK_MS = 500;
/** Reloads that made no progress although the server answered, before it is a real error. */
const MAX_FRUITLESS_RELOADS = 3;
/** Starved this long with bytes still arriving: say that the link is slow. */
const BUFFERING_NOTICE_MS = 1500;

/**
 * Keeps a lesson going through lost signal. A failed media request (the engine's error, taken
 * over before video.js shows it) or a starved picture with no byte for a while puts the player
 * in the waiting state; it then probes the server with backoff (at once on `online`) and, when
 * the server answers, reloads the source at the same position. Buffered media plays meanwhile.
 */
export function createSignalRecovery(options: SignalRecoveryOptions) {
  const { el, now } = options;
  let failed = false;
  let wantsPlay = false;
  let reloading = false;
  let lastAliveAt = now();
  let lastPosition = nativeMedia.position(el);
  let lastMovedAt = now();
  let failures = 0;
  let nextProbeAt = 0;
  let probing = false;
  let reachableAt: number | undefined;
  let wasOffline = false;
  let fruitless = 0;
  let progressSinceReload = 0;
  let state: NetworkState | undefined;
  let notice: SignalNoticeKind | undefined;
  let disposed = false;

  const alive = () => {
    lastAliveAt = now();
  };
  const onPlay = () => {
    wantsPlay = true;
  };
  // An engine that fails may pause the element itself: during a loss, a pause keeps the
  // intent, so the lesson plays on when the signal returns.
  const onPause = () => {
    if (!reloading && !failed && (state ?? 'ok') === 'ok') wantsPlay = false;
  };
  const onEnded = () => {
    wantsPlay = false;
  };
  const onOnline = () => {
    failures = 0;
    nextProbeAt = 0;
    tick();
  };
  const listeners: [EventTarget, string, () => void][] = [
    [el, 'progress', alive],
    [el, 'loadeddata', alive],
    [el, 'play', onPlay],
    [el, 'pause', onPause],
    [el, 'ended', onEnded],
    [window, 'online', onOnline],
    [window, 'offline', () => tick()],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);

  function bufferedAhead(): number {
    const position = nativeMedia.position(el);
    const ranges = el.buffered;
    for (let i = 0; i < ranges.length; i += 1) {
      if (ranges.start(i) <= position + 0.1 && ranges.end(i) > position) {
        return ranges.end(i) - position;
      }
    }
    return 0;
  }

  function publish(next: NetworkState, kind: SignalNoticeKind): void {
    if (next === state && kind === notice) return;
    state = next;
    notice = kind;
    options.onChange(next, kind);
  }

  async function probe(): Promise<void> {
    probing = true;
    const reachable = await mediaReachable(options.probeUrl);
    probing = false;
    if (disposed) return;
    if (reachable) {
      reachableAt ??= now();
      failures = 0;
    } else {
      reachableAt = undefined;
      failures += 1;
    }
    nextProbeAt = now() + nextProbeDelayMs(failures, navigator.onLine);
    tick();
  }

  function reload(): void {
    fruitless = progressSinceReload < 1 ? fruitless + 1 : 0;
    if (fruitless > MAX_FRUITLESS_RELOADS) {
      fruitless = 0;
      failed = false;
      options.giveUp();
      return;
    }
    failed = false;
    reachableAt = undefined;
    wasOffline = false;
    progressSinceReload = 0;
    reloading = true;
    lastAliveAt = now();
    nextProbeAt = now() + nextProbeDelayMs(failures, navigator.onLine);
    options.reload(wantsPlay);
    reloading = false;
  }

  function tick(): void {
    if (disposed) return;
    const at = now();
    const position = nativeMedia.position(el);
    const advancing = Math.abs(position - lastPosition) > 0.01;
    if (advancing) {
      progressSinceReload += Math.max(0, position - lastPosition);
      lastPosition = position;
      lastMovedAt = at;
      lastAliveAt = at;
    }
    const online = navigator.onLine;
    const starved = wantsPlay && !nativeMedia.ended(el) && el.readyState < 3;
    const quietMs = at - lastAliveAt;
    const next = networkStateOf({ online, failed, starved, quietMs });
    const moving = at - lastMovedAt < 1000;
    const stuck = starved || (failed && !moving);
    let kind: SignalNoticeKind = 'none';
    if (next !== 'ok' && stuck) kind = 'waiting';
    else if (next === 'offline') kind = 'offline-playing';
    else if (starved && quietMs >= BUFFERING_NOTICE_MS) kind = 'buffering';
    if (starved && next === 'ok' && quietMs < BUFFERING_NOTICE_MS) kind = 'none';
    publish(next, kind);

    const trouble = failed || next !== 'ok';
    if (!trouble) {
      failures = 0;
      reachableAt = undefined;
      wasOffline = false;
      return;
    }
    if (!online) {
      wasOffline = true;
      reachableAt = undefined;
      if (at < nextProbeAt) return;
    }
    if (reachableAt !== undefined) {
      const go = shouldReload({
        failed,
        quietMs,
        reachableForMs: at - reachableAt,
        bufferedAhead: bufferedAhead(),
        advancing: moving,
        starved,
        wasOffline,
      });
      if (go) reload();
      return;
    }
    if (!probing && at >= nextProbeAt) void probe();
  }

  const timer = window.setInterval(tick, TICK_MS);

  return {
    /** A media error from the engine: take it over if the lesson can go on (returns true). */
    claimError(code: number | undefined): boolean {
      if (code === 1) return false;
      failed = true;
      nextProbeAt = Math.min(nextProbeAt, now());
      queueMicrotask(tick);
      return true;
    },
    /** A media request failed (the HLS engine may retry, or may be stuck): treat it as a loss. */
    requestFailed(): void {
      failed = true;
      queueMicrotask(tick);
    },
    state: () => state ?? 'ok',
    dispose() {
      disposed = true;
      window.clearInterval(timer);
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    },
  };
}

export type SignalRecovery = ReturnType<typeof createSignalRecovery>;
