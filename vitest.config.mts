import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'tools/**/*.test.ts', 'test/**/*.test.ts'],
    // The engine is deterministic and fast; a test that needs longer than this is a bug, not a slow machine.
    testTimeout: 30_000,
  },
});
