import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app shell, so after the first visit the
 * player opens with no network at all. New versions activate on the next load.
 */
export function registerAppShell(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  registerSW({ immediate: true });
}
