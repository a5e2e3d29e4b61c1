import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app shell, so after the first visit the
 * player opens with no network at all. New versions activate on the next load.
 *
 * On the very first visit the course manifest was fetched before the worker took control, so
 * the worker never saw it: `warmUrls` are fetched again once it controls the page, which puts
 * them in its run-time cache.
 */
export function registerAppShell(warmUrls: () => string[]): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  registerSW({ immediate: true });
  if (navigator.serviceWorker.controller) return;
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      for (const url of warmUrls()) void fetch(url).catch(() => undefined);
    },
    { once: true },
  );
}
