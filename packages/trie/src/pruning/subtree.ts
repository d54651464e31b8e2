import { BRANCH, EXTENSION, HASH, type TrieNode } from '../core/node';
import type { TrieNodeStore } from '../store/node-store';

/**
 * Calls `place` for every stored place in the trie under `root` (the root and each child
 * referred to by hash), loading nodes as it goes. Embedded children hold no references (a node
 * under 32 bytes cannot contain a 32-byte hash), so the walk does not enter them.
 */
export async function forEachPlace(nodes: TrieNodeStore, root: Uint8Array, place: (hash: Uint8Array) => void): Promise<void> {
  const pending: Uint8Array[] = [root];
  while (pending.length > 0) {
    const hash = pending.pop()!;
    place(hash);
    const node = await nodes.load(hash);
    const children: (TrieNode | undefined)[] = node.kind === BRANCH ? node.children : node.kind === EXTENSION ? [node.child] : [];
    for (const child of children) if (child?.kind === HASH) pending.push(child.hash);
  }
}
