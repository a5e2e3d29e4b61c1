import { defineConfig } from 'vitest/config';

// Load and fault runs: real server processes (WORKERS=2) on the throwaway PostgreSQL, one file
// at a time. `npm run test:load` (scripts/with-postgres.sh sets DATABASE_URL_TEST).
export default defineConfig({
  test: {
    include: ['tests/load/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
