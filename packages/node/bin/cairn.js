#!/usr/bin/env node
// The `cairn` command as npm links it. It exists before the build (npm links a workspace's bins
// at install time only when their files exist) and starts the built binary, dist/bin/cairn.js.
try {
  await import('../dist/bin/cairn.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin/cairn.js')) throw error;
  process.stderr.write('cairn is not built yet: run `npm run build` in the repository first.\n');
  process.exitCode = 1;
}
