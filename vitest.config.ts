import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Several tests run two or three real site builds; on a loaded 2-core machine one build can take 30 s.
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // Build and browser tests are heavy; two cores.
    maxWorkers: 2,
    // One temporary folder for the run, removed at its end (test/helpers/temp-root.ts).
    globalSetup: ['test/helpers/temp-root.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/release/bundle.test.ts'],
        },
      },
      {
        // The offline bundles: built with npm from the registry, zipped, unzipped and run offline. Minutes each;
        // the builds are kept in .jianbao/bundle/ (reused while nothing changed).
        extends: true,
        test: {
          name: 'bundle',
          include: ['test/release/bundle.test.ts'],
          testTimeout: 1_200_000,
          hookTimeout: 1_200_000,
        },
      },
    ],
  },
});
