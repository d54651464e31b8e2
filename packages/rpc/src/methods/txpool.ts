import { bigintToHex, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { PooledTransaction, TransactionPoolAccess } from '../chain/pool';
import { formatTransaction } from '../format/transaction';
import { defineMethod, type RpcMethod } from '../registry/method';
import { Data } from '../schemas/primitives';

/** geth's txpool_content shape: sender → nonce (decimal) → transaction. */
function bySenderAndNonce(transactions: readonly PooledTransaction[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const { transaction } of transactions) {
    const sender = bytesToHex(transaction.sender());
    out[sender] ??= {};
    out[sender][transaction.nonce.toString(10)] = formatTransaction(transaction);
  }
  return out;
}

const none = z.tuple([]);

/** eth_sendRawTransaction (ETH) and the TXPOOL API over the node's pool. */
export function txPoolMethods(pool: TransactionPoolAccess): RpcMethod[] {
  const inState = (state: PooledTransaction['state']) => pool.transactions().filter((t) => t.state === state);
  return [
    defineMethod({
      name: 'eth_sendRawTransaction',
      namespace: 'ETH',
      params: z.tuple([Data.describe('signed transaction')]),
      handler: async ([raw]) => bytesToHex(await pool.submit(raw)),
    }),
    defineMethod({
      name: 'txpool_besuTransactions',
      namespace: 'TXPOOL',
      params: none,
      handler: () =>
        pool.transactions().map((t) => ({
          hash: bytesToHex(t.transaction.hash()),
          isReceivedFromLocalSource: t.isLocal,
          addedToPoolAt: new Date(t.addedAt).toISOString(),
        })),
    }),
    defineMethod({
      name: 'txpool_besuStatistics',
      namespace: 'TXPOOL',
      params: none,
      handler: () => {
        const all = pool.transactions();
        const localCount = all.filter((t) => t.isLocal).length;
        return { maxSize: pool.maxSize, localCount, remoteCount: all.length - localCount };
      },
    }),
    defineMethod({
      name: 'txpool_content',
      namespace: 'TXPOOL',
      params: none,
      handler: () => ({ pending: bySenderAndNonce(inState('pending')), queued: bySenderAndNonce(inState('queued')) }),
    }),
    defineMethod({
      name: 'txpool_status',
      namespace: 'TXPOOL',
      params: none,
      handler: () => ({ pending: bigintToHex(inState('pending').length), queued: bigintToHex(inState('queued').length) }),
    }),
  ];
}
