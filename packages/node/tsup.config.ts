import { defineConfig } from 'tsup';

export default defineConfig({
  // The library entry and the `cairn` binary (its shebang makes tsup mark it executable).
  entry: ['src/index.ts', 'src/bin/cairn.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
