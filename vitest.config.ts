import { defineConfig } from 'vitest/config';

// Four suites: pure unit tests, component tests of renderer parts in a simulated DOM
// (happy-dom with Testing Library: seconds, where e2e takes minutes), integration tests on
// real SQLCipher files in temp folders, and e2e tests that drive the built renderer in
// Debian's Chromium through test/support. The machines have two cores, so the slow suites do not run files in parallel.
export default defineConfig({
  test: {
    pool: 'forks',
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/component/support/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
