import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Several tests run two or three real site builds; on a loaded 2-core machine one build can take 30 s.
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // Build and browser tests are heavy; two cores.
    maxWorkers: 2,
  },
});
