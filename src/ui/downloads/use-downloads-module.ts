import { useEffect, useState } from 'react';

type DownloadsModule = typeof import('./downloads-module.ts');

let loading: Promise<DownloadsModule> | undefined;

/**
 * The downloads UI once its chunk is in; null on the first screen. `ready` holds it back until
 * the page's own storage has arrived, so it never competes with the first frame.
 */
export function useDownloadsModule(ready: boolean): DownloadsModule | null {
  const [module, setModule] = useState<DownloadsModule | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    loading ??= import('./downloads-module.ts');
    void loading.then((loaded) => {
      if (live) setModule(loaded);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return module;
}
