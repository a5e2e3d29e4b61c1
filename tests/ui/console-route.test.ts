import { describe, expect, it } from 'vitest';
import {
  consolePath,
  parseConsoleRoute,
  type ConsoleRoute,
} from '../../src/console/routing/console-route.ts';

describe('console routes', () => {
  it.each<[string, ConsoleRoute]>([
    ['/console', { page: 'home' }],
    ['/console/', { page: 'home' }],
    ['/console/c/sample', { page: 'overview', courseId: 'sample' }],
    ['/console/c/sample/participants', { page: 'participants', courseId: 'sample' }],
    [
      '/console/c/sample/p/a%2Fb%20c',
      { page: 'participant', courseId: 'sample', participantId: 'a/b c' },
    ],
  ])('%s', (path, route) => {
    expect(parseConsoleRoute(path)).toEqual(route);
    if (path !== '/console/') expect(consolePath(route)).toBe(path);
  });
});
