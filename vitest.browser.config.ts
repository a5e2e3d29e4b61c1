import { defineConfig } from 'vitest/config';

// End-to-end tests in real headless Chromium (playwright-core + /usr/bin/chromium) against the
// built app served by the real server. Files run one at a time: 2 cores, real media playback.
// `npm run test:browser` runs the signal-loss file in a second run beside the others: it spends
// most of its four minutes waiting through cuts, with the browser idle.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
