import { defineConfig } from 'vitest/config';

/**
 * Test configuration shared by every package. In-repo imports of `@cairn/*` resolve to each
 * package's `src/index.ts` through the private `@cairn/source` export condition, so tests never
 * need a prior build.
 */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@cairn/source', 'import', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: ['@cairn/source', 'import', 'module', 'node', 'default'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
