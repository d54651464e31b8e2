import { defineConfig } from 'tsup';

/**
 * Build configuration shared by the library packages: one ESM entry with its declarations and
 * source maps, for Node 20. A package with another shape (the node's binary) writes its own.
 */
export const libraryBuildConfig = defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
