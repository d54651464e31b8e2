import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root: the nearest folder above this file that holds `nx.json`. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (no nx.json above tools/)');
    dir = parent;
  }
  return dir;
}

/** The read-only shared folder beside the checkout (fixtures and benchmark workloads). */
export function sharedDir(): string {
  return resolve(repoRoot(), '..', 'shared');
}
