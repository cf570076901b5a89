import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    pool: 'forks',
    // bin/agent-console runs dist/: build it first if a source is newer (test/setup/build.ts).
    globalSetup: ['test/setup/build.ts'],
  },
});
