import { useEffect, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

/** Runs `load` whenever `key` changes; a stale answer never replaces a newer one. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({
    key,
    loaded: { state: 'loading' },
  });
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ key, loaded: { state: 'ready', data } }),
      (error: unknown) => live && setResult({ key, loaded: { state: 'failed', error } }),
    );
    return () => {
      live = false;
    };
    // `load` is rebuilt every render; `key` says when the question changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result.key === key ? result.loaded : { state: 'loading' };
}
