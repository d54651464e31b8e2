import { BRANCH, EXTENSION, HASH, type LoadedNode, type TrieNode } from '../core/node';
import type { TrieNodeStore } from '../store/node-store';

/**
 * Calls `place` for every stored place in the trie under `root`: the root, and each child its
 * parent refers to by hash. Children may be `HashNode`s or (in nodes a commit left in the cache)
 * the nodes themselves; embedded children are entered too, though none of them can hold a
 * reference (a node under 32 bytes has no room for a 32-byte hash).
 */
export async function forEachPlace(nodes: TrieNodeStore, root: Uint8Array, place: (hash: Uint8Array) => void): Promise<void> {
  place(root);
  const pending: TrieNode[] = [await nodes.load(root)];
  while (pending.length > 0) {
    let node = pending.pop()!;
    if (node.kind === HASH) node = await nodes.load(node.hash);
    const children: (TrieNode | undefined)[] = node.kind === BRANCH ? node.children : node.kind === EXTENSION ? [node.child] : [];
    for (const child of children) {
      if (child === undefined) continue;
      const hash = child.kind === HASH ? child.hash : (child as LoadedNode).hash;
      if (hash !== undefined) place(hash);
      pending.push(child);
    }
  }
}
