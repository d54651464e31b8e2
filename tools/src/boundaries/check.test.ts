import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../repo-root';
import { findViolations } from './check';

const scratch: string[] = [];

function makePackage(root: string, name: string, layer: number, source: string, deps: Record<string, string> = {}) {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `@cairn/${name}`, nx: { tags: [`layer:${layer}`] }, dependencies: deps }));
  writeFileSync(join(dir, 'src', 'index.ts'), source);
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('package boundaries', () => {
  it('holds for this repository', () => {
    expect(findViolations(join(repoRoot(), 'packages'))).toEqual([]);
  });

  it('catches an import from a lower layer, in source and in the manifest', () => {
    const root = mkdtempSync(join(tmpdir(), 'cairn-boundaries-'));
    scratch.push(root);
    makePackage(root, 'common', 1, "import { Trie } from '@cairn/trie';\n");
    makePackage(root, 'trie', 3, "import { keccak256 } from '@cairn/common';\nexport const x = await import('@cairn/evm');\n");
    makePackage(root, 'evm', 4, "export * from '@cairn/trie';\n", { '@cairn/chain': '*' });
    makePackage(root, 'chain', 5, "import type { Evm } from '@cairn/evm';\n");
    const violations = findViolations(root);
    expect(violations).toEqual(
      expect.arrayContaining([
        { from: '@cairn/common', to: '@cairn/trie', where: 'common/src/index.ts:1' },
        { from: '@cairn/trie', to: '@cairn/evm', where: 'trie/src/index.ts:2' },
        { from: '@cairn/evm', to: '@cairn/chain', where: 'evm/package.json (dependencies)' },
      ]),
    );
    expect(violations).toHaveLength(3);
  });

  it('treats two packages of the same layer as unable to see each other', () => {
    const root = mkdtempSync(join(tmpdir(), 'cairn-boundaries-'));
    scratch.push(root);
    makePackage(root, 'chain', 5, "import { x } from '@cairn/tracing';\n");
    makePackage(root, 'tracing', 5, '');
    expect(findViolations(root)).toHaveLength(1);
  });
});
