import { isAllowedRate } from '../domain/rate-policy.ts';
import { SEEK_FRONTIER_SLACK } from '../domain/seek-policy.ts';
import { nativeMedia } from './native-media.ts';
import type { RequestGate } from './request-gate.ts';

export interface ElementGuardOptions {
  gate: RequestGate;
  /** A seek or a rate violation broke the chain of samples: nothing may be bridged across it. */
  onDiscontinuity(): void;
  /** An allowed rate took effect (the participant chose 0.5, 0.75 or 1). */
  onRateApplied(): void;
  /** The `src` attribute changed: the source guard should look now, not at the next tick. */
  onSourceAttributeChanged(): void;
}

export interface ElementGuards {
  /** Reverts a disallowed rate or default rate; the watchdog calls this every 100 ms. */
  enforceRates(): void;
  dispose(): void;
}

const GUARDED_ATTRIBUTES = ['controls', 'disablepictureinpicture', 'src'];

/**
 * Guards the `<video>` itself, for whatever does not come through video.js: scripts writing
 * `currentTime`/`playbackRate`/`defaultPlaybackRate` or calling `fastSeek()` meet instance
 * setters that ask the gate first; anything that reaches the element's native setters anyway
 * is undone by the `seeking` and `ratechange` listeners. Native controls, Picture-in-Picture,
 * remote playback and the video context menu are kept off.
 */
export function guardElement(el: HTMLVideoElement, options: ElementGuardOptions): ElementGuards {
  const { gate } = options;
  let active = true;
  let appliedRate = nativeMedia.rate(el);

  // Non-configurable: a script cannot redefine these to reach the native setters.
  Object.defineProperties(el, {
    currentTime: {
      enumerable: true,
      get: () => nativeMedia.position(el),
      set: (value: unknown) => {
        const target = Number(value);
        nativeMedia.setPosition(el, active ? gate.seek(target) : target);
      },
    },
    playbackRate: {
      enumerable: true,
      get: () => nativeMedia.rate(el),
      set: (value: unknown) => {
        const rate = Number(value);
        nativeMedia.setRate(el, active ? gate.rate(rate) : rate);
      },
    },
    defaultPlaybackRate: {
      enumerable: true,
      get: () => nativeMedia.defaultRate(el),
      set: (value: unknown) => {
        const rate = Number(value);
        nativeMedia.setDefaultRate(el, active ? gate.rate(rate, 'default') : rate);
      },
    },
    // Chromium has no fastSeek; Safari and Firefox do. Either way it is a seek like any other.
    fastSeek: {
      value: (time: number) => {
        el.currentTime = time;
      },
    },
  });

  function snapBackSeek(): void {
    if (!active) return;
    options.onDiscontinuity();
    const position = nativeMedia.position(el);
    const applied = gate.seek(position);
    if (position - applied > SEEK_FRONTIER_SLACK) nativeMedia.setPosition(el, applied);
  }

  function enforceRates(): void {
    if (!active) return;
    const rate = nativeMedia.rate(el);
    if (isAllowedRate(rate)) {
      gate.rate(rate);
      if (rate !== appliedRate) {
        appliedRate = rate;
        options.onRateApplied();
      }
    } else {
      options.onDiscontinuity();
      nativeMedia.setRate(el, gate.rate(rate));
    }
    const defaultRate = nativeMedia.defaultRate(el);
    if (!isAllowedRate(defaultRate))
      nativeMedia.setDefaultRate(el, gate.rate(defaultRate, 'default'));
  }

  function enforceAttributes(): void {
    if (el.hasAttribute('controls')) el.removeAttribute('controls');
    if (!el.disablePictureInPicture) el.disablePictureInPicture = true;
  }

  const observer = new MutationObserver((records) => {
    if (!active) return;
    enforceAttributes();
    if (records.some((record) => record.attributeName === 'src'))
      options.onSourceAttributeChanged();
  });
  observer.observe(el, { attributes: true, attributeFilter: GUARDED_ATTRIBUTES });

  const blockContextMenu = (event: Event) => event.preventDefault();
  const leavePictureInPicture = () => {
    if (document.pictureInPictureElement === el)
      void document.exitPictureInPicture().catch(() => {});
  };
  // A script's `new Event('ended')` would make video.js stop and show "replay". A capture
  // listener on the target runs before video.js's own, so the forged event never reaches it.
  const dropForgedEnded = (event: Event) => {
    if (!event.isTrusted) event.stopImmediatePropagation();
  };
  el.addEventListener('ended', dropForgedEnded, { capture: true });
  el.addEventListener('seeking', snapBackSeek);
  el.addEventListener('ratechange', enforceRates);
  el.addEventListener('contextmenu', blockContextMenu);
  el.addEventListener('enterpictureinpicture', leavePictureInPicture);

  el.disableRemotePlayback = true;
  el.setAttribute('controlslist', 'nodownload noplaybackrate noremoteplayback');
  enforceAttributes();

  return {
    enforceRates,
    dispose() {
      active = false;
      observer.disconnect();
      el.removeEventListener('ended', dropForgedEnded, { capture: true });
      el.removeEventListener('seeking', snapBackSeek);
      el.removeEventListener('ratechange', enforceRates);
      el.removeEventListener('contextmenu', blockContextMenu);
      el.removeEventListener('enterpictureinpicture', leavePictureInPicture);
    },
  };
}
