import { useEffect, useState } from 'react';
import { afterFirstFrame } from '../after-first-frame.ts';

type DownloadsModule = typeof import('./downloads-module.ts');

let loading: Promise<DownloadsModule> | undefined;

/**
 * The downloads UI once its chunk is in; null on the first screen. `ready` holds it back until
 * the page's own storage has arrived, and then it waits for the first frame (or a few seconds
 * with nothing playing), so it never shares the thin link with the first frame. The outline
 * keeps the room of its rows meanwhile, so its arrival moves nothing.
 */
export function useDownloadsModule(ready: boolean): DownloadsModule | null {
  const [module, setModule] = useState<DownloadsModule | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    loading ??= afterFirstFrame().then(() => import('./downloads-module.ts'));
    void loading.then((loaded) => {
      if (live) setModule(loaded);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return module;
}
