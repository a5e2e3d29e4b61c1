/**
 * The downloads UI in one lazily loaded chunk: Dexie, the media store and SHA-256 stay off the
 * first screen (its 110 kB budget), and arrive right after it.
 */
export { downloadableItem } from './downloadable-item.tsx';
export { DownloadsPanel } from './downloads-panel.tsx';
