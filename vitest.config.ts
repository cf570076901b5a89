import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    pool: 'forks',
    // The console under test is interactive even when CI runs the suite (Ink reads these at load).
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
