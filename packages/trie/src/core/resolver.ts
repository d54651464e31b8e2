import type { HashNode, LoadedNode } from './node';

/** Where a trie finds the nodes its `HashNode`s refer to. */
export interface NodeResolver {
  /** The node, when it is at hand without waiting (in a cache); otherwise undefined. */
  resolve(ref: HashNode): LoadedNode | undefined;
  /** The node, fetched from the store when needed; throws `MissingNodeError` when absent. */
  load(hash: Uint8Array): Promise<LoadedNode>;
}

/** A mutation could not finish because this node must be loaded first; nothing was changed. */
export class NeedNode {
  readonly kind = -1;

  constructor(readonly hash: Uint8Array) {}
}

/** What a mutation reports besides its result: stored nodes it took out of the trie. */
export interface MutationContext extends NodeResolver {
  /** A stored node left the trie (it was copied to be changed, merged or removed). */
  discard(node: LoadedNode): void;
}
