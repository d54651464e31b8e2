import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Runs a package README's example exactly as written, imports included, and returns what it
 * logged (one array of arguments per `console.log` call). The first ```ts block after the heading
 * `after` (from the top when omitted) is written to the git-ignored `.cache/readme-examples/`
 * inside the repository, so its `@cairn/*` imports resolve like any workspace code, then imported.
 */
export async function runReadmeExample(packageDir: string, after?: string): Promise<unknown[][]> {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const start = after === undefined ? 0 : readme.indexOf(after);
  if (start < 0) throw new Error(`README of ${packageDir} has no heading ${JSON.stringify(after)}`);
  const code = readme.slice(start).match(/```ts\n([\s\S]*?)```/)?.[1];
  if (code === undefined) throw new Error(`README of ${packageDir} has no ts example`);
  const dir = join(ROOT, '.cache', 'readme-examples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(packageDir)}-${(after ?? 'top').replace(/\W+/g, '-')}.ts`);
  writeFileSync(file, code);
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  try {
    await import(`${pathToFileURL(file).href}?run=${Date.now()}`);
  } finally {
    spy.mockRestore();
  }
  return logged;
}
