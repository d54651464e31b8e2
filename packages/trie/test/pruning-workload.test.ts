import { bytesToHex } from '@cairn/common';
import { Segments, segment } from '@cairn/storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { StateNotAvailableError } from '../src/errors';
import { TrieNodeStore } from '../src/store/node-store';
import { recomputeState } from './helpers/recompute';
import { diskBytes, logicalBytes, runWorkload, stateBytes } from './helpers/run-workload';
import { accountAddress } from './helpers/workload';

/**
 * A smaller, seeded version of the 2,000-block workload (scripts/pruning-workload.ts runs the
 * full size): the same generator, the same checks.
 */
const WORKLOAD = { seed: 7, accounts: 1000, changesPerBlock: 40, slotsPerChange: 3 };
const BLOCKS = 120;
const RETAINED = 6;

const dir = mkdtempSync(join(tmpdir(), 'cairn-pruning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps a pruned LevelDB store within twice one full state, while an unpruned one grows with history', async () => {
  const pruned = await runWorkload(join(dir, 'pruned'), WORKLOAD, BLOCKS, RETAINED);
  const archive = await runWorkload(join(dir, 'archive'), WORKLOAD, BLOCKS);
  expect(pruned.roots.map(bytesToHex)).toEqual(archive.roots.map(bytesToHex));
  const head = pruned.roots.at(-1)!;
  const full = await stateBytes(pruned.store, head);
  const prunedSize = await logicalBytes(pruned.store);
  const archiveSize = await logicalBytes(archive.store);
  await pruned.store.compact();
  await archive.store.compact();
  console.log(`one full state ${full} B; pruned store ${prunedSize} B (${(prunedSize / full).toFixed(2)}x, ${diskBytes(join(dir, 'pruned'))} B on disk); unpruned ${archiveSize} B (${(archiveSize / full).toFixed(2)}x, ${diskBytes(join(dir, 'archive'))} B on disk)`);
  expect(prunedSize).toBeLessThan(2 * full);
  expect(archiveSize).toBeGreaterThan(4 * full);

  // Every retained root: walk every account and slot, and rebuild the same root.
  const nodes = new TrieNodeStore(segment(pruned.store, Segments.trieNodes));
  for (const root of pruned.roots.slice(-RETAINED)) {
    const rebuilt = await recomputeState(nodes, root);
    expect(bytesToHex(rebuilt.root)).toBe(bytesToHex(root));
    expect(rebuilt.slots).toBeGreaterThan(0);
  }
  // A root well below the window is gone, with a clear error.
  await expect(pruned.state.at(pruned.roots[BLOCKS - RETAINED - 5]).getAccount(accountAddress(1))).rejects.toBeInstanceOf(StateNotAvailableError);
  await pruned.state.close();
  await pruned.store.close();
  await archive.store.close();
});
