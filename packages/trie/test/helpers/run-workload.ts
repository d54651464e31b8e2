import { hexToBytes } from '@cairn/common';
import { type KeyValueStore, LevelDbStore, Segments, segment } from '@cairn/storage';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_TRIE_ROOT } from '../../src/empty-root';
import { WorldState } from '../../src/state/world-state';
import { TrieNodeStore } from '../../src/store/node-store';
import { reachable } from './state-contents';
import { type WorkloadOptions, workloadBlock } from './workload';

export interface WorkloadRun {
  readonly store: LevelDbStore;
  readonly state: WorldState;
  /** The root after each block. */
  readonly roots: Uint8Array[];
}

/** Commits `blocks` blocks of the workload to a LevelDB store at `location`, pruning or not. */
export async function runWorkload(location: string, options: WorkloadOptions, blocks: number, blocksRetained?: number): Promise<WorkloadRun> {
  const store = await LevelDbStore.open(location);
  const state = await WorldState.open(store, blocksRetained === undefined ? {} : { pruning: { enabled: true, blocksRetained } });
  const roots: Uint8Array[] = [];
  let root = EMPTY_TRIE_ROOT;
  for (let n = 0; n < blocks; n++) {
    const { block, changes } = workloadBlock(options, n);
    root = await state.commit(root, changes, { block });
    roots.push(root);
  }
  await state.pruner?.idle();
  return { store, state, roots };
}

/** Bytes of every key and value in the store. */
export async function logicalBytes(store: KeyValueStore): Promise<number> {
  let total = 0;
  for await (const [key, value] of store.iterate()) total += key.length + value.length;
  return total;
}

/** Bytes one full state at `root` takes as stored here: its nodes and code with their keys. */
export async function stateBytes(store: KeyValueStore, root: Uint8Array): Promise<number> {
  const nodes = new TrieNodeStore(segment(store, Segments.trieNodes));
  const { nodes: hashes, code } = await reachable(nodes, root);
  let total = 0;
  for (const hash of hashes) total += 33 + (await nodes.load(hexToBytes(hash))).encoded!.length;
  for (const hash of code) {
    const bytes = await segment(store, Segments.code).get(hexToBytes(hash));
    if (bytes) total += 33 + bytes.length;
  }
  return total;
}

/** Bytes of the store's files on disk. */
export function diskBytes(location: string): number {
  return readdirSync(location).reduce((sum, name) => sum + statSync(join(location, name)).size, 0);
}
