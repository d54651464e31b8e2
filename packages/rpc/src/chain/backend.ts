import type { BlockView, HeaderView, ReceiptView } from './views';

/** Where a canonical transaction sits. */
export interface TransactionLocation {
  readonly blockHash: Uint8Array;
  readonly index: number;
}

/**
 * Read access to the block store, as the block, transaction and receipt methods need it. Every
 * call may read storage, so every call is asynchronous.
 */
export interface ChainReader {
  /** The canonical head. */
  head(): Promise<HeaderView>;
  /** The block consensus calls safe; undefined when the chain has none (proof of work, say). */
  safe(): Promise<HeaderView | undefined>;
  /** The finalized block; undefined when the chain has none. */
  finalized(): Promise<HeaderView | undefined>;
  /** The canonical header at `number`. */
  headerByNumber(number: bigint): Promise<HeaderView | undefined>;
  /** Any stored header, canonical or not. */
  headerByHash(hash: Uint8Array): Promise<HeaderView | undefined>;
  /** Any stored block, canonical or not. */
  blockByHash(hash: Uint8Array): Promise<BlockView | undefined>;
  /** The receipts of a stored block, in transaction order. */
  receipts(blockHash: Uint8Array): Promise<readonly ReceiptView[] | undefined>;
  /** The canonical block and index of a transaction. */
  transactionLocation(hash: Uint8Array): Promise<TransactionLocation | undefined>;
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
  stateAt(header: HeaderView): Promise<StateView | undefined>;
}
