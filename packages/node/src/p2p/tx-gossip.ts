import type { Transaction, TransactionPool } from '@cairn/chain';
import { broadcastTransactions, type EthPeer } from '@cairn/devp2p';
import { BLOB_TX_TYPE } from './tx-pool-view';

/**
 * Spreads transactions that enter the pool (from RPC or from peers) to the connected peers:
 * whole to some, announced by hash to the others (`broadcastTransactions`). Additions are
 * collected for one turn of the event loop and sent together, so that a burst of transactions
 * goes out as a few messages. Each peer's known-set leaves out what it sent or was sent already.
 */
export class TxGossip {
  private readonly peers: () => readonly EthPeer[];
  private readonly pending: Transaction[] = [];
  private unsubscribe: (() => void) | undefined;
  private scheduled: NodeJS.Immediate | undefined;

  constructor(pool: TransactionPool, peers: () => readonly EthPeer[]) {
    this.peers = peers;
    this.unsubscribe = pool.subscribe({ onAdded: (_hash, tx) => this.queue(tx) });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending.length = 0;
  }

  private queue(tx: Transaction): void {
    if (tx.type === BLOB_TX_TYPE) return;
    this.pending.push(tx);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = undefined;
    const txs = this.pending.splice(0).map((tx) => tx.encode());
    const peers = this.peers();
    if (txs.length > 0 && peers.length > 0) broadcastTransactions(peers, txs);
  }
}
