import type { Transaction } from '../transactions/transaction';
import type { PoolEntry } from './sender-queue';

/**
 * Why a transaction left the pool other than by being included in a block: `replaced` by one
 * with the same sender and nonce, `evicted` to make room (or beyond the sender's nonce window
 * after a reorg), `expired` after the retention period, `invalidated` by a new head (its nonce
 * was used by another transaction, or its sender can no longer pay for it).
 */
export type DropReason = 'replaced' | 'evicted' | 'expired' | 'invalidated';

export interface TxPoolListener {
  /** A transaction entered the pool (Besu's `newPendingTransactions`), executable now or not. */
  onAdded?(hash: Uint8Array, transaction: Transaction): void;
  /** A transaction left the pool without being included (Besu's `droppedPendingTransactions`). */
  onDropped?(hash: Uint8Array, transaction: Transaction, reason: DropReason): void;
}

/**
 * The pool's subscribers. Notifications go out after the pool's state is complete; a listener
 * that throws cannot undo a change or keep the others from hearing of it: its error goes to
 * `onError`.
 */
export class ListenerSet {
  /** Wrapped, so that adding the same listener twice gives two subscriptions. */
  readonly #listeners = new Set<{ readonly listener: TxPoolListener }>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Adds `listener`, returning the function that removes it. */
  add(listener: TxPoolListener): () => void {
    const subscription = { listener };
    this.#listeners.add(subscription);
    return () => {
      this.#listeners.delete(subscription);
    };
  }

  added(entry: PoolEntry): void {
    this.#each((l) => l.onAdded?.(entry.hash, entry.transaction));
  }

  dropped(entry: PoolEntry, reason: DropReason): void {
    this.#each((l) => l.onDropped?.(entry.hash, entry.transaction, reason));
  }

  #each(notify: (listener: TxPoolListener) => void): void {
    for (const { listener } of [...this.#listeners]) {
      try {
        notify(listener);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}
