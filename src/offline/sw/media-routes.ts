import type { WorkboxPlugin } from 'workbox-core';
import type { UsageMeter } from '../usage-meter.ts';

const MEDIA_EXTENSIONS = /\.(mp4|m4v|webm|m4a|aac|mp3|ts|m4s|m3u8|vtt|jpe?g|png|webp)$/i;

/**
 * The requests the media store answers: lesson media, HLS files, captions and posters, on any
 * origin (a provider's CDN too). Downloads fetch with `cache: 'no-store'` and go straight to the
 * network: the download queue stores and verifies them itself.
 */
export function isMediaRequest(request: Request, url: URL): boolean {
  if (request.method !== 'GET' || request.cache === 'no-store') return false;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return false;
  return MEDIA_EXTENSIONS.test(url.pathname);
}

export function isPlaylist(url: URL): boolean {
  return url.pathname.toLowerCase().endsWith('.m3u8');
}

/** Counts what Workbox fetched on the data meter (the size on the wire, where stated). */
export function meterPlugin(meter: UsageMeter): WorkboxPlugin {
  return {
    fetchDidSucceed: async ({ response }) => {
      const length = Number(response.headers.get('content-length'));
      if (Number.isFinite(length) && length > 0) meter.add(length);
      return response;
    },
  };
}
