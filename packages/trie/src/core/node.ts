/**
 * In-memory trie nodes. A node is *dirty* while it has neither `hash` nor `encoded`; computing the
 * root fills `hash` for encodings of 32 bytes or more and `encoded` (the RLP) for smaller ones,
 * which their parent embeds. Nodes read from a store keep their encoding as well. A node read from a store
 * or written to one is `stored`: it may then be shared (through a node cache, or by several
 * tries opened at related roots), so it is never changed in place but copied first. Nodes that
 * are not stored belong to exactly one trie and are changed in place, which is what keeps a
 * long run of inserts free of copies.
 */

export const LEAF = 0;
export const EXTENSION = 1;
export const BRANCH = 2;
export const HASH = 3;

export class LeafNode {
  readonly kind = LEAF;
  encoded: Uint8Array | undefined = undefined;
  hash: Uint8Array | undefined = undefined;
  stored = false;

  /** `path` is the rest of the key in nibbles after the parents' paths. */
  constructor(
    public path: Uint8Array,
    public value: Uint8Array,
  ) {}
}

export class ExtensionNode {
  readonly kind = EXTENSION;
  encoded: Uint8Array | undefined = undefined;
  hash: Uint8Array | undefined = undefined;
  stored = false;

  constructor(
    public path: Uint8Array,
    public child: TrieNode,
  ) {}
}

export class BranchNode {
  readonly kind = BRANCH;
  encoded: Uint8Array | undefined = undefined;
  hash: Uint8Array | undefined = undefined;
  stored = false;

  constructor(
    public children: (TrieNode | undefined)[] = new Array(16).fill(undefined),
    public value: Uint8Array | undefined = undefined,
  ) {}
}

/** A reference by hash to a stored node that has not been loaded. */
export class HashNode {
  readonly kind = HASH;

  constructor(readonly hash: Uint8Array) {}
}

export type TrieNode = LeafNode | ExtensionNode | BranchNode | HashNode;
export type LoadedNode = LeafNode | ExtensionNode | BranchNode;

/** Whether the node's reference is known (it has not changed since the root was last computed). */
export function isClean(node: TrieNode): boolean {
  return node.kind === HASH || node.hash !== undefined || node.encoded !== undefined;
}

/** How many of a branch's 16 children are present. */
export function childCount(branch: BranchNode): number {
  let count = 0;
  for (let i = 0; i < 16; i++) if (branch.children[i] !== undefined) count++;
  return count;
}

/** A dirty, unshared copy of a loaded node. */
export function copyNode(node: LoadedNode): LoadedNode {
  switch (node.kind) {
    case LEAF:
      return new LeafNode(node.path, node.value);
    case EXTENSION:
      return new ExtensionNode(node.path, node.child);
    default:
      return new BranchNode(node.children.slice(), node.value);
  }
}
