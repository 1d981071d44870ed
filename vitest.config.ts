import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit and integration tests (Node): shared/ pure code, electron/ main logic, renderer data layer on fake-indexeddb. */
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup/fake-indexeddb.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
