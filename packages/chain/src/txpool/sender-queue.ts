import type { Address } from '@cairn/common';
import type { BlobSidecar } from '../transactions/blob-network';
import type { Transaction } from '../transactions/transaction';

/** A transaction as the pool holds it. */
export interface PoolEntry {
  readonly transaction: Transaction;
  readonly hash: Uint8Array;
  /** The hash as a map key. */
  readonly key: string;
  readonly sender: Address;
  /** Whether it came through this node's RPC rather than from a peer or a reorg. */
  readonly local: boolean;
  /** When it entered the pool, in milliseconds since the epoch (the pool's clock). */
  readonly addedAt: number;
  /** Entry order, the tie-breaker between equally priced transactions (first come, first served). */
  readonly sequence: number;
  /** The blobs, commitments and proofs of a blob transaction. */
  readonly sidecar: BlobSidecar | undefined;
}

/**
 * One sender's transactions by nonce, with the sender's account nonce and balance as last read
 * at the head. The pending run is the contiguous nonces from the account nonce (executable now);
 * the rest are queued behind a gap. The split is derived, never stored, so that closing a gap
 * promotes and opening one demotes without bookkeeping.
 */
export class SenderQueue {
  readonly sender: Address;
  accountNonce: bigint;
  balance: bigint;
  readonly #byNonce = new Map<bigint, PoolEntry>();
  /** The nonces held, ascending; a sender holds few, so a sorted array beats a tree. */
  #nonces: bigint[] = [];

  constructor(sender: Address, accountNonce: bigint, balance: bigint) {
    this.sender = sender;
    this.accountNonce = accountNonce;
    this.balance = balance;
  }

  get size(): number {
    return this.#nonces.length;
  }

  get(nonce: bigint): PoolEntry | undefined {
    return this.#byNonce.get(nonce);
  }

  /** Puts `entry` at its nonce, returning the entry it replaces, if any. */
  put(entry: PoolEntry): PoolEntry | undefined {
    const nonce = entry.transaction.nonce;
    const previous = this.#byNonce.get(nonce);
    this.#byNonce.set(nonce, entry);
    if (!previous) {
      let i = this.#nonces.length;
      while (i > 0 && this.#nonces[i - 1] > nonce) i--;
      this.#nonces.splice(i, 0, nonce);
    }
    return previous;
  }

  /** Removes the entry at `nonce`, returning it. */
  remove(nonce: bigint): PoolEntry | undefined {
    const entry = this.#byNonce.get(nonce);
    if (!entry) return undefined;
    this.#byNonce.delete(nonce);
    this.#nonces.splice(this.#nonces.indexOf(nonce), 1);
    return entry;
  }

  /** Every entry, by ascending nonce. */
  entries(): PoolEntry[] {
    return this.#nonces.map((nonce) => this.#byNonce.get(nonce) as PoolEntry);
  }

  /** The entry with the highest nonce: the only one that can leave without opening a gap. */
  last(): PoolEntry | undefined {
    const nonces = this.#nonces;
    return nonces.length === 0 ? undefined : this.#byNonce.get(nonces[nonces.length - 1]);
  }

  /** The first nonce from the account nonce on that the sender has no transaction for. */
  pendingEnd(): bigint {
    let next = this.accountNonce;
    for (const nonce of this.#nonces) {
      if (nonce < next) continue;
      if (nonce !== next) break;
      next++;
    }
    return next;
  }

  /** Whether the transaction at `nonce` could execute now, after the sender's earlier ones. */
  isPending(nonce: bigint): boolean {
    return nonce >= this.accountNonce && nonce < this.pendingEnd();
  }

  /** The executable run, by nonce. */
  pending(): PoolEntry[] {
    const end = this.pendingEnd();
    return this.entries().filter((e) => e.transaction.nonce >= this.accountNonce && e.transaction.nonce < end);
  }
}
