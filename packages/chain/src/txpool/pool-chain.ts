import type { Address, ForkRules } from '@cairn/common';
import type { Transaction } from '../transactions/transaction';

/**
 * What the pool needs to know of the canonical head. The node builds one per new head; the pool
 * admits transactions under `rules` and prices them against `baseFee`, both for the block that
 * would follow the head.
 */
export interface PoolHead {
  readonly number: bigint;
  /** The head's gas limit: no transaction may ask for more. */
  readonly gasLimit: bigint;
  /** The base fee of the next block; undefined before London. */
  readonly baseFee: bigint | undefined;
  /** The blob base fee of the next block; undefined before Cancun. */
  readonly blobBaseFee?: bigint;
  /** The fork rules of the next block. */
  readonly rules: ForkRules;
}

/** Account reads at the current head, implemented by the node over the world state. */
export interface PoolAccounts {
  getNonce(address: Address): Promise<bigint>;
  getBalance(address: Address): Promise<bigint>;
}

/** A new canonical head and the transactions of the blocks that joined and left the canonical chain to reach it. */
export interface CanonicalHeadUpdate {
  readonly head: PoolHead;
  /** Transactions of the blocks now canonical (the new head's block, and on a reorg every block of the new branch). */
  readonly added: readonly Transaction[];
  /** Transactions of the blocks a reorg took off the canonical chain; those not in `added` go back into the pool. */
  readonly removed: readonly Transaction[];
}
