import videojs from 'video.js';

/** How often video.js looks for the caption cue to show (the browser's `timeupdate` pace). */
export const CUE_CHECK_MS = 250;

interface FrameCallbackTech {
  requestVideoFrameCallback(callback: (now: number) => void): number;
  cancelVideoFrameCallback(id: number): void;
}

let installed = false;

/**
 * With captions on, video.js looks for the active cue on every video frame
 * (`requestVideoFrameCallback`): 25–30 main-thread wake-ups and frames a second, for text that
 * changes every few seconds. Its Html5 tech asks a timer instead, every 250 ms, as `timeupdate`
 * (which video.js also listens to) and native captions do. Nothing else in Runtut asks the tech
 * for video frames. Call before mounting.
 */
export function installCalmCueClock(): void {
  if (installed) return;
  installed = true;
  const tech = videojs.getTech('Html5') as unknown as { prototype: FrameCallbackTech };
  tech.prototype.requestVideoFrameCallback = (callback) =>
    window.setTimeout(() => callback(performance.now()), CUE_CHECK_MS);
  tech.prototype.cancelVideoFrameCallback = (id) => window.clearTimeout(id);
}
