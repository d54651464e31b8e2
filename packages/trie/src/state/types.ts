import type { WriteBatch } from '@cairn/storage';
import type { Account } from '../account';

/** Read-only state at one root. */
export interface StateReader {
  readonly root: Uint8Array;
  /** The account at a 20-byte address, or undefined when it does not exist. */
  getAccount(address: Uint8Array): Promise<Account | undefined>;
  /** The value of a storage slot; 0n when absent. */
  getStorage(address: Uint8Array, slot: bigint): Promise<bigint>;
  /** The code with this hash (empty for the hash of empty code). */
  getCode(codeHash: Uint8Array): Promise<Uint8Array>;
}

/** What a block (or a transaction) changed in one account; produced by the EVM's journal. */
export interface AccountChange {
  readonly address: Uint8Array;
  /** null: the account is deleted (selfdestruct, or an empty account touched and cleared by EIP-161). */
  readonly account: { nonce: bigint; balance: bigint; codeHash: Uint8Array } | null;
  /** true: drop all storage the account had before (it was destroyed and possibly re-created) before applying `storage`. */
  readonly storageCleared: boolean;
  /** slot -> new value; 0n deletes the slot. */
  readonly storage: ReadonlyMap<bigint, bigint>;
  /** New code, stored under its keccak256 (present when code was deployed). */
  readonly code?: Uint8Array;
}

/** The block a commit belongs to, so that pruning knows which roots to keep. */
export interface BlockRef {
  readonly number: bigint;
  readonly hash: Uint8Array;
  readonly parentHash: Uint8Array;
}

export interface CommitOptions {
  /**
   * The caller's own batch: the commit adds the state's writes to it and writes it, so that the
   * caller's records (a block and its indexes) land atomically with the state. With pruning the
   * write happens inside the pruner's lock, as every journaled commit's must.
   */
  readonly batch?: WriteBatch;
  /**
   * The root the changes must produce (a block header's state root). A commit that gives another
   * root fails with `StateRootMismatchError` before anything is written or journaled.
   */
  readonly expectedRoot?: Uint8Array;
  /** The block whose changes these are; required when pruning is enabled. */
  readonly block?: BlockRef;
  /**
   * Whether the block becomes the chain head as pruning sees it (default true). Pass false for a
   * side-chain block, and call `WorldState.setHead` when a reorganisation changes the head.
   */
  readonly head?: boolean;
}
