import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built UI in real Chromium (run `npm run build` first; `npm test` does). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
