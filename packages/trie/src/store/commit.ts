import type { BatchWriter } from '@cairn/storage';
import { BRANCH, EXTENSION, HASH, type LoadedNode, type TrieNode } from '../core/node';
import type { NodeEncoder } from '../core/node-encoding';

/** What a commit wrote and took out of the trie. */
export interface TrieCommit {
  readonly root: Uint8Array;
  /** Every node written, by hash: one entry per place a new node takes in the trie. */
  readonly inserted: readonly { readonly hash: Uint8Array; readonly node: LoadedNode }[];
  /** The hashes of stored nodes that left the trie (one entry per place given up). */
  readonly removed: readonly Uint8Array[];
}

/**
 * Puts the nodes of `root`'s tree that are not stored yet into `batch` and marks them stored.
 * Stored nodes end the walk: everything below a stored node is stored. Embedded nodes are marked
 * too (they are part of their stored parent now) but not written on their own; the root always
 * is, under `rootHash`, even when it is small enough to be embedded elsewhere.
 */
export function collectCommit(encoder: NodeEncoder, root: TrieNode, rootHash: Uint8Array, batch: BatchWriter): { hash: Uint8Array; node: LoadedNode }[] {
  const inserted: { hash: Uint8Array; node: LoadedNode }[] = [];
  const visit = (node: TrieNode, hash: Uint8Array | undefined) => {
    if (node.kind === HASH || node.stored) return;
    node.stored = true;
    if (hash !== undefined) {
      // Kept: stored nodes carry their encoding (for proofs and the node cache).
      node.encoded = encoder.encode(node);
      batch.put(hash, node.encoded);
      inserted.push({ hash, node });
    }
    if (node.kind === EXTENSION) visit(node.child, childHash(node.child));
    else if (node.kind === BRANCH) for (const child of node.children) if (child !== undefined) visit(child, childHash(child));
  };
  visit(root, rootHash);
  return inserted;
}

function childHash(node: TrieNode): Uint8Array | undefined {
  return node.kind === HASH ? undefined : node.hash;
}
