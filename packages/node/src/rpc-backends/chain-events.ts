import type { Blockchain, BlockHeader, Transaction, TransactionPool } from '@cairn/chain';
import { EventChannel, positionedLogs, type RpcLog, type SyncStatus } from '@cairn/rpc';
import type { HeadChange } from '../chain/head-change';
import type { Logger } from '../logging/logger';

/**
 * The event sources the RPC subscriptions and poll filters read: new heads and their logs from
 * each head change (a reorganisation first sends the logs of the blocks it dropped, marked
 * `removed`), transactions entering the pool, and the sync status.
 */
export class ChainEventChannels {
  readonly heads: EventChannel<BlockHeader>;
  readonly logs: EventChannel<readonly RpcLog[]>;
  readonly pendingTransactions: EventChannel<Transaction>;
  readonly syncing: EventChannel<SyncStatus | null>;

  constructor(
    private readonly chain: Blockchain,
    logger: Logger,
  ) {
    const onListenerError = (error: unknown) => logger.error('an RPC event listener failed', error);
    this.heads = new EventChannel(onListenerError);
    this.logs = new EventChannel(onListenerError);
    this.pendingTransactions = new EventChannel(onListenerError);
    this.syncing = new EventChannel(onListenerError);
  }

  /** Sends every transaction the pool admits to `pendingTransactions`; returns the unsubscribe. */
  followPool(pool: TransactionPool): () => void {
    return pool.subscribe({ onAdded: (_hash, transaction) => this.pendingTransactions.emit(transaction) });
  }

  /** Publishes a head change: the removed blocks' logs, then each added block's header and logs. */
  async publish(change: HeadChange): Promise<void> {
    for (const block of change.removed) {
      const logs = positionedLogs(block, (await this.chain.blocks.receipts(block.hash())) ?? [], true);
      if (logs.length > 0) this.logs.emit(logs);
    }
    for (const block of change.added) {
      const receipts = (await this.chain.blocks.receipts(block.hash())) ?? [];
      this.heads.emit(block.header);
      const logs = positionedLogs(block, receipts);
      if (logs.length > 0) this.logs.emit(logs);
    }
  }
}
