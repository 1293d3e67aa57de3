import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PGlite per test file; files in parallel would only fight for the two cores.
    fileParallelism: true,
    maxWorkers: 2,
    // Order must never matter: every test owns its data. A failure prints the seed to replay it.
    sequence: { shuffle: true },
  },
});
