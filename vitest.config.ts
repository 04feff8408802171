import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Build and browser tests are heavy; two cores.
    maxWorkers: 2,
  },
});
