import { Heap } from './heap';
import { blobGasOf, effectiveTip } from './pricing';
import type { PoolEntry, SenderQueue } from './sender-queue';

/** The block a producer is filling. */
export interface BlockLimits {
  /** The block's base fee; undefined before London. */
  readonly baseFee: bigint | undefined;
  /** Gas available to transactions, counted by their gas limits. */
  readonly gasLimit: bigint;
  /** Blob gas available (EIP-4844); without it no blob transaction is selected. */
  readonly blobGasLimit?: bigint;
  /** The block's blob base fee; blob transactions whose blob fee cap is below it are skipped. */
  readonly blobBaseFee?: bigint;
}

/** One sender's executable run, and how far the selection has got through it. */
interface Cursor {
  readonly run: readonly PoolEntry[];
  index: number;
  tip: bigint;
}

/**
 * The executable transactions for a block, best paying first: a heap holds each sender's next
 * transaction by effective tip at the block's base fee (earlier arrivals first on a tie), so
 * every sender's transactions stay in nonce order. A transaction that cannot go into this block
 * (fee cap below the base fee, blob fee cap below the blob base fee, too much gas or blob gas
 * left to fit) ends its sender's run for this block, since the later nonces depend on it; it
 * stays in the pool.
 */
export function selectTransactions(senders: Iterable<SenderQueue>, limits: BlockLimits): PoolEntry[] {
  const { baseFee } = limits;
  const tipOf = (entry: PoolEntry) => effectiveTip(entry.transaction, baseFee);
  const heap = new Heap<Cursor>((a, b) => (a.tip !== b.tip ? a.tip > b.tip : a.run[a.index].sequence < b.run[b.index].sequence));
  for (const queue of senders) {
    const run = queue.pending();
    if (run.length > 0) heap.push({ run, index: 0, tip: tipOf(run[0]) });
  }
  let gasLeft = limits.gasLimit;
  let blobGasLeft = limits.blobGasLimit ?? 0n;
  const selected: PoolEntry[] = [];
  for (let cursor = heap.pop(); cursor !== undefined; cursor = heap.pop()) {
    const entry = cursor.run[cursor.index];
    const tx = entry.transaction;
    const blobGas = blobGasOf(tx);
    const fits =
      (baseFee === undefined || tx.feeCap >= baseFee) &&
      tx.gasLimit <= gasLeft &&
      blobGas <= blobGasLeft &&
      (blobGas === 0n || limits.blobBaseFee === undefined || (tx.maxFeePerBlobGas ?? 0n) >= limits.blobBaseFee);
    if (!fits) continue;
    selected.push(entry);
    gasLeft -= tx.gasLimit;
    blobGasLeft -= blobGas;
    if (++cursor.index < cursor.run.length) {
      cursor.tip = tipOf(cursor.run[cursor.index]);
      heap.push(cursor);
    }
  }
  return selected;
}
