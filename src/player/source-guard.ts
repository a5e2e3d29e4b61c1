import { nativeMedia } from './native-media.ts';

export interface SourceGuardOptions {
  /** True for a URL the player itself may load: a lesson source, or the HLS engine's blob: URL. */
  isOwnUrl(url: string): boolean;
  /** Something else took over the element (`src`, `srcObject`, `<source>` + `load()`). */
  onForeign(): void;
  /** The player's own source has its metadata: safe to position and credit again. */
  onOwnLoaded(): void;
}

export interface SourceGuard {
  /** The player is about to load its own source: the next load is expected, not foreign. */
  expectOwnLoad(): void;
  /** Looks now (the watchdog calls this every 100 ms; the `src` attribute observer too). */
  check(): void;
  /** The element plays the lesson's own media, so its time may be credited. */
  trusted(): boolean;
  dispose(): void;
}

/**
 * Detects a swapped source. The player notes the exact URL its own load settles on; any other
 * `currentSrc`, a `srcObject`, or an `emptied` the player did not ask for is foreign.
 */
export function guardSource(el: HTMLVideoElement, options: SourceGuardOptions): SourceGuard {
  let loadingOwn = false;
  let ownUrl: string | undefined;
  let reported = false;

  const looksOwn = () =>
    ownUrl !== undefined &&
    nativeMedia.srcObject(el) === null &&
    nativeMedia.currentSrc(el) === ownUrl &&
    nativeMedia.src(el) === ownUrl;

  function foreign(): void {
    if (reported) return;
    reported = true;
    options.onForeign();
  }

  function check(): void {
    if (reported) return;
    if (nativeMedia.srcObject(el) !== null) return foreign();
    if (!loadingOwn && ownUrl !== undefined && !looksOwn()) foreign();
  }

  const onLoadStart = () => {
    const url = nativeMedia.currentSrc(el);
    if (loadingOwn && ownUrl === undefined && options.isOwnUrl(url)) {
      ownUrl = url;
      return;
    }
    check();
    if (loadingOwn && ownUrl !== url) foreign();
  };
  const onLoadedMetadata = () => {
    if (!loadingOwn || !looksOwn()) return check();
    loadingOwn = false;
    options.onOwnLoaded();
  };
  const onEmptied = () => {
    if (!loadingOwn) foreign();
  };

  el.addEventListener('loadstart', onLoadStart);
  el.addEventListener('loadedmetadata', onLoadedMetadata);
  el.addEventListener('emptied', onEmptied);

  return {
    expectOwnLoad() {
      loadingOwn = true;
      ownUrl = undefined;
      reported = false;
    },
    check,
    trusted: () => !reported && !loadingOwn && looksOwn(),
    dispose() {
      reported = true;
      el.removeEventListener('loadstart', onLoadStart);
      el.removeEventListener('loadedmetadata', onLoadedMetadata);
      el.removeEventListener('emptied', onEmptied);
    },
  };
}
