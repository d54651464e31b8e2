import { CairnError } from '@cairn/common';

/** Bytes that are not a valid trie node: bad RLP, a wrong item count, a bad path or reference. */
export class TrieNodeError extends CairnError {
  constructor(message: string) {
    super('INVALID_TRIE_NODE', message);
  }
}

/** A node referenced by hash is not in the store the trie reads from. */
export class MissingNodeError extends CairnError {
  constructor(readonly hash: Uint8Array, message: string) {
    super('MISSING_TRIE_NODE', message);
  }
}

/** A Merkle proof that does not prove what it claims against the given root. */
export class InvalidProofError extends CairnError {
  constructor(message: string) {
    super('INVALID_PROOF', message);
  }
}
