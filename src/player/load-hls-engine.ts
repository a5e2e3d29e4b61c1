/**
 * Loads the HLS engine (VHS) on demand, as its own chunk. Its `import videojs from 'video.js'`
 * resolves to the same core build the player uses (see the `video.js` alias in vite.config.ts),
 * so importing it registers its source handler on our Html5 tech instead of pulling a second,
 * full video.js.
 */
export async function loadHlsEngine(): Promise<void> {
  await import('@videojs/http-streaming');
}

/**
 * VHS options: start on the lowest rung (VHS otherwise assumes ~4 Mbps), never let a bandwidth
 * remembered from another session raise that start, and never fetch a rendition larger than
 * the player on screen. Participants often pay per MB.
 *
 * `useNetworkInformationApi` must be off for the low start to hold: when on (the default), VHS's
 * `bandwidth` getter returns `navigator.connection.downlink` (Chrome reports up to 10 Mbps)
 * instead of our start value, and the first rendition is picked from that. With it off, ABR
 * steps up from measured segment throughput alone.
 */
export const VHS_OPTIONS = {
  overrideNative: true,
  bandwidth: 150_000,
  useBandwidthFromLocalStorage: false,
  useNetworkInformationApi: false,
  limitRenditionByPlayerDimensions: true,
  useDevicePixelRatio: false,
} as const;
