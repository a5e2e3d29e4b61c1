import { defineConfig } from 'vitest/config';

// End-to-end tests in real headless Chromium (playwright-core + /usr/bin/chromium) against the
// built app served by the real server. Files run one at a time: 2 cores, real media playback.
// `npm run test:browser` runs three lanes side by side, since real-time playback leaves the CPU
// mostly idle (about half a core in all): these files; the signal-loss file (it mostly waits
// through cuts), then the QA catalog; the QA catalog inside an embedding page, then the offline
// download files (tests/e2e/offline). Lanes share no state: each starts its own server.
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
