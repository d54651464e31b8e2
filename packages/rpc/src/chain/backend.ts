import type { Block, BlockHeader, Receipt } from '@cairn/chain';

/** Where a canonical transaction sits. */
export interface TransactionLocation {
  readonly blockHash: Uint8Array;
  readonly index: number;
}

/**
 * Read access to the block store, as the block, transaction, receipt, log and fee methods need it.
 * Every call may read storage, so every call is asynchronous.
 */
export interface ChainReader {
  /** The canonical head. */
  head(): Promise<BlockHeader>;
  /** The block consensus calls safe; undefined when the chain has none (proof of work, say). */
  safe(): Promise<BlockHeader | undefined>;
  /** The finalized block; undefined when the chain has none. */
  finalized(): Promise<BlockHeader | undefined>;
  /** The canonical header at `number`. */
  headerByNumber(number: bigint): Promise<BlockHeader | undefined>;
  /** Any stored header, canonical or not. */
  headerByHash(hash: Uint8Array): Promise<BlockHeader | undefined>;
  /** Any stored block, canonical or not. */
  blockByHash(hash: Uint8Array): Promise<Block | undefined>;
  /** The receipts of a stored block, in transaction order. */
  receipts(blockHash: Uint8Array): Promise<readonly Receipt[] | undefined>;
  /** The canonical block and index of a transaction. */
  transactionLocation(hash: Uint8Array): Promise<TransactionLocation | undefined>;
  /** Total difficulty up to a block, where the node tracks it (Besu reports it in blocks). */
  totalDifficulty?(blockHash: Uint8Array): Promise<bigint | undefined>;
}

/** Account state after one block. */
export interface StateView {
  balance(address: Uint8Array): Promise<bigint>;
  nonce(address: Uint8Array): Promise<bigint>;
  code(address: Uint8Array): Promise<Uint8Array>;
  /** The value of a storage slot (a 32-byte key), zero when unset. */
  storage(address: Uint8Array, slot: Uint8Array): Promise<bigint>;
}

/**
 * State by block. Old states are kept only for a while (pruning); `stateAt` answers undefined for a
 * state that is no longer (or not yet) available, which the methods report as a clear error.
 */
export interface StateReader {
  stateAt(header: BlockHeader): Promise<StateView | undefined>;
}
