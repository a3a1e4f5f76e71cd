import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds and browser journeys take tens of seconds on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Tests that own a lake or a build directory run in their own files; two at a
    // time is what the CI machine's two cores can run without starving each other.
    maxWorkers: 2,
  },
});
