import type { Transaction } from '@cairn/chain';

/** A transaction in the pool and what the pool knows of it. */
export interface PooledTransaction {
  readonly transaction: Transaction;
  /** Executable now (`pending`), or waiting behind a nonce gap (`queued`). */
  readonly state: 'pending' | 'queued';
  /** Whether it came through this node's RPC rather than from a peer. */
  readonly isLocal: boolean;
  /** When it entered the pool, in milliseconds since the epoch. */
  readonly addedAt: number;
}

/** The transaction pool as the RPC layer uses it. */
export interface TransactionPoolAccess {
  /**
   * Decodes, validates and adds a signed transaction, resolving with its hash. Refusals throw
   * `TransactionRejectedError` (Besu's codes); undecodable bytes throw an invalid-params error.
   */
  submit(raw: Uint8Array): Promise<Uint8Array>;
  /** Every pooled transaction. */
  transactions(): readonly PooledTransaction[];
  /** The most transactions the pool holds. */
  readonly maxSize: number;
}
