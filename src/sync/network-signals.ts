/** Whether the device believes it is online, and when that changes. */
export interface NetworkSignals {
  isOnline(): boolean;
  /** Calls `onChange(online)` on each change; returns the unsubscribe. */
  subscribe(onChange: (online: boolean) => void): () => void;
}

/**
 * `navigator.onLine` false means surely offline; true only means "maybe" (a captive portal or a
 * dead cell link still says true), so a true value never skips the real attempt.
 */
export function browserNetwork(): NetworkSignals {
  const target = typeof window === 'undefined' ? undefined : window;
  return {
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    subscribe(onChange) {
      if (!target) return () => undefined;
      const online = () => onChange(true);
      const offline = () => onChange(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('offline', offline);
      };
    },
  };
}
