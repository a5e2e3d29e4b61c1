import { defineConfig } from 'vitest/config';

// Node-side tests: pure domain rules, Dexie on fake-indexeddb, the server against real
// databases, and the sync outbox through msw. Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['tests/{domain,storage,server,sync,ui,qa,cli,offline}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
