import { minBigInt } from '../format/bigint';
import type { Transaction } from '@cairn/chain';

/** The tip per gas a transaction paid the block producer above the base fee. */
export function effectiveTip(tx: Transaction, baseFeePerGas: bigint | undefined): bigint {
  const base = baseFeePerGas ?? 0n;
  if (tx.maxFeePerGas !== undefined && tx.maxPriorityFeePerGas !== undefined) {
    return minBigInt(tx.maxPriorityFeePerGas, tx.maxFeePerGas - base);
  }
  return (tx.gasPrice ?? 0n) - base;
}

/** The value at percentile `p` (0-100) of an ascending list, as the nearest-rank method gives it. */
export function percentileOf(sorted: readonly bigint[], p: number): bigint | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * eth_feeHistory's rewards for one block: per percentile, the tip of the transaction at which the
 * gas used, counted from the cheapest tip up, reaches that percentile of the block's gas used
 * (geth's and Besu's rule). All zero for a block without transactions.
 */
export function blockRewards(txs: readonly { tip: bigint; gasUsed: bigint }[], blockGasUsed: bigint, percentiles: readonly number[]): bigint[] {
  if (txs.length === 0) return percentiles.map(() => 0n);
  const sorted = [...txs].sort((a, b) => (a.tip < b.tip ? -1 : a.tip > b.tip ? 1 : 0));
  return percentiles.map((p) => {
    const threshold = BigInt(Math.floor(Number(blockGasUsed) * (p / 100)));
    let index = 0;
    let sum = sorted[0].gasUsed;
    while (sum < threshold && index < sorted.length - 1) {
      index++;
      sum += sorted[index].gasUsed;
    }
    return sorted[index].tip;
  });
}
