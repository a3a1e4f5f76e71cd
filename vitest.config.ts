import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds and browser journeys take tens of seconds on a 2-core machine, and
    // some CI machines run the suite twice as slowly as others (1,471 s against
    // 687 s for the same commit): the longest journey took 104 s there and a
    // test of 14 builds 120 s. Speed is the benchmark's to measure, not a test's.
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Tests that own a lake or a build directory run in their own files; two at a
    // time is what the CI machine's two cores can run without starving each other.
    maxWorkers: 2,
  },
});
