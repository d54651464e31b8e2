import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { repoRoot, sharedDir } from '../repo-root';

/** A tree laid out like the ethereum/tests repository. */
export interface TestSource {
  readonly label: string;
  readonly root: string;
  /** Files (relative to `root`) that the archive lacks, from its MISSING-*.txt list. */
  readonly missing: readonly string[];
}

const ARCHIVE_SUFFIX = '.tar.xz';

function readMissing(root: string): string[] {
  const list = readdirSync(root).find((name) => /^MISSING.*\.txt$/.test(name));
  if (!list) return [];
  return readFileSync(join(root, list), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/**
 * Extracts an archive into the git-ignored cache once (`.cache/ethereum-tests/<name>`); a marker
 * file written last means a half-finished extraction is redone rather than trusted.
 */
export function extractArchive(archive: string): string {
  const name = basename(archive).slice(0, -ARCHIVE_SUFFIX.length);
  const target = join(repoRoot(), '.cache', 'ethereum-tests', name);
  const marker = join(target, '.extracted');
  if (existsSync(marker)) return target;
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const result = spawnSync('tar', ['-xJf', archive, '-C', partial], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`cannot extract ${archive} (tar exited with ${result.status})`);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  writeFileSync(marker, `${archive}\n`);
  return target;
}

/** The source named on the command line (a folder or a `.tar.xz`), or both shared archives. */
export function resolveSources(arg: string | undefined): TestSource[] {
  const paths = arg
    ? [resolve(arg)]
    : readdirSync(join(sharedDir(), 'fixtures', 'ethereum-tests'))
        .filter((name) => name.endsWith(ARCHIVE_SUFFIX))
        .sort()
        .map((name) => join(sharedDir(), 'fixtures', 'ethereum-tests', name));
  if (paths.length === 0) throw new Error('no ethereum-tests archives found in ../shared/fixtures/ethereum-tests');
  return paths.map((path) => {
    if (!existsSync(path)) throw new Error(`test source ${path} does not exist`);
    const root = statSync(path).isDirectory() ? path : path.endsWith(ARCHIVE_SUFFIX) ? extractArchive(path) : undefined;
    if (!root) throw new Error(`test source ${path} is neither a folder nor a ${ARCHIVE_SUFFIX} archive`);
    return { label: basename(path), root, missing: readMissing(root) };
  });
}

/** Every JSON file below `dir`, as paths relative to `root`, in a stable order. */
export function jsonFiles(root: string, dir: string): string[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.json')) out.push(child);
    }
  };
  walk(dir);
  return out;
}
