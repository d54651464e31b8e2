import { CairnError, bytesToHex } from '@cairn/common';

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

/** The state at this root is not in the store: it was pruned, or never committed. */
export class StateNotAvailableError extends CairnError {
  constructor(
    readonly root: Uint8Array,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('STATE_NOT_AVAILABLE', `state not available at root ${bytesToHex(root)}: ${detail}`, options);
  }
}

/** A commit that cannot be applied: its changes contradict each other or the pruning records. */
export class StateCommitError extends CairnError {
  constructor(message: string) {
    super('INVALID_STATE_COMMIT', message);
  }
}

/** A commit whose changes give another root than the one it was told to expect. */
export class StateRootMismatchError extends CairnError {
  constructor(
    readonly expected: Uint8Array,
    readonly actual: Uint8Array,
  ) {
    super('STATE_ROOT_MISMATCH', `the changes give state root ${bytesToHex(actual)}, not the expected ${bytesToHex(expected)}`);
  }
}

/** The store's pruning mode differs from the one asked for, or its pruning records are broken. */
export class PruningError extends CairnError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PRUNING', message, options);
  }
}
