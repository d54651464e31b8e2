import { type TransactionPool, TxPoolError } from '@cairn/chain';
import { CairnError } from '@cairn/common';
import { invalidParams, JsonRpcError, type PooledTransaction, type TransactionPoolAccess } from '@cairn/rpc';

/**
 * eth_sendRawTransaction and the TXPOOL methods over the node's pool. A refusal is answered with
 * the JSON-RPC code Besu uses and Besu's message followed by what exactly was wrong (the pool's
 * `TxPoolError` carries both); bytes that do not decode are invalid params. Transactions sent
 * through RPC count as local (Besu's `isReceivedFromLocalSource`).
 */
export class PoolAccess implements TransactionPoolAccess {
  constructor(private readonly pool: TransactionPool) {}

  get maxSize(): number {
    return this.pool.maxSize;
  }

  async submit(raw: Uint8Array): Promise<Uint8Array> {
    try {
      return (await this.pool.addRaw(raw, { local: true })).hash;
    } catch (error) {
      if (error instanceof TxPoolError) throw new JsonRpcError(error.rpcCode, error.message);
      if (error instanceof CairnError) throw invalidParams(`params[0] (signed transaction): ${error.message}`);
      throw error;
    }
  }

  transactions(): readonly PooledTransaction[] {
    return this.pool.transactions();
  }
}
