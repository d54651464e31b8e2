import type { TransactionPool } from '@cairn/chain';
import type { PeerRef, TxPoolView } from '@cairn/devp2p';
import type { Logger } from '../logging/logger';

/** EIP-4844's transaction type: gossiped in its network form, which the eth layer does not carry yet. */
export const BLOB_TX_TYPE = 3;

/**
 * The eth protocol's view of the transaction pool. Transactions from peers enter as remote ones
 * (the pool validates them; refusals are routine and only logged at trace level). Blob
 * transactions are neither served nor accepted here: eth/68 moves them in their network form
 * (with blobs, commitments and proofs) and identifies them by the hash of the canonical form,
 * which @cairn/devp2p's transaction exchange does not tell apart yet.
 */
export class PoolView implements TxPoolView {
  private readonly pool: TransactionPool;
  private readonly log: Logger;

  constructor(pool: TransactionPool, log: Logger) {
    this.pool = pool;
    this.log = log;
  }

  has(hash: Uint8Array): boolean {
    return this.pool.get(hash) !== undefined;
  }

  getTransactions(hashes: readonly Uint8Array[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const hash of hashes) {
      const tx = this.pool.get(hash)?.transaction;
      if (tx && tx.type !== BLOB_TX_TYPE) out.push(tx.encode());
    }
    return out;
  }

  addRemoteTransactions(txs: readonly Uint8Array[], from: PeerRef): void {
    for (const bytes of txs) {
      if (bytes[0] === BLOB_TX_TYPE) continue;
      this.pool.addRaw(bytes, { local: false }).catch((error: Error) => {
        this.log.trace(`transaction from ${from.address} refused: ${error.message}`);
      });
    }
  }
}
