import { useCallback, useEffect, useState } from 'react';
import { consolePath, parseConsoleRoute, type ConsoleRoute } from './console-route.ts';

/** The current console route, and a navigate() that keeps the query string (language). */
export function useConsoleRoute() {
  const [route, setRoute] = useState(() => parseConsoleRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseConsoleRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: ConsoleRoute, mode: 'push' | 'replace' = 'push') => {
    const url = `${consolePath(next)}${window.location.search}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);
  return { route, navigate };
}
