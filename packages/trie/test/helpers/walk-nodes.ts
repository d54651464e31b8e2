import { bytesToHex } from '@cairn/common';
import { BRANCH, EXTENSION, HASH, type TrieNode } from '../../src/core/node';
import { EMPTY_TRIE_ROOT } from '../../src/empty-root';
import type { TrieNodeStore } from '../../src/store/node-store';

/**
 * Counts, for the trie at `root`, how many places each stored node takes: the root, and every
 * child referred to by hash. Embedded nodes are walked through but not counted (they are not
 * stored on their own). `leaf` sees every leaf value (to follow storage roots of accounts).
 */
export async function countPlaces(nodes: TrieNodeStore, root: Uint8Array, counts = new Map<string, number>(), leaf?: (value: Uint8Array) => Promise<void>): Promise<Map<string, number>> {
  if (bytesToHex(root) === bytesToHex(EMPTY_TRIE_ROOT)) return counts;
  const add = (hash: Uint8Array) => counts.set(bytesToHex(hash), (counts.get(bytesToHex(hash)) ?? 0) + 1);
  const visit = async (ref: TrieNode): Promise<void> => {
    const node = ref.kind === HASH ? await nodes.load(ref.hash) : ref;
    const children = node.kind === BRANCH ? node.children : node.kind === EXTENSION ? [node.child] : [];
    for (const child of children) {
      if (child === undefined) continue;
      const hash = child.kind === HASH ? child.hash : child.hash;
      if (hash !== undefined) add(hash);
      await visit(child);
    }
    if (leaf && node.kind !== EXTENSION && node.value !== undefined) await leaf(node.value);
  };
  add(root);
  await visit(await nodes.load(root));
  return counts;
}
