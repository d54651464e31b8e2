import { GAS_PER_BLOB } from '@cairn/common';
import type { Transaction } from '../transactions/transaction';

/**
 * What the block producer earns per gas from `tx` in a block with this base fee:
 * min(maxPriorityFeePerGas, maxFeePerGas - baseFee), or gasPrice - baseFee for types without
 * EIP-1559 fees. Negative when the fee cap is below the base fee (the transaction cannot go into
 * such a block). Without a base fee (before London) it is the whole tip cap.
 */
export function effectiveTip(tx: Transaction, baseFee: bigint | undefined): bigint {
  if (baseFee === undefined) return tx.tipCap;
  const headroom = tx.feeCap - baseFee;
  if (headroom < tx.tipCap) return headroom;
  return tx.tipCap;
}

/** The blob gas a transaction uses (EIP-4844); zero for other types. */
export function blobGasOf(tx: Transaction): bigint {
  return BigInt(tx.blobVersionedHashes.length) * GAS_PER_BLOB;
}

/** The most `tx` can cost its sender: gasLimit · feeCap + value, plus blob gas · maxFeePerBlobGas. */
export function upfrontCost(tx: Transaction): bigint {
  return tx.gasLimit * tx.feeCap + tx.value + blobGasOf(tx) * (tx.maxFeePerBlobGas ?? 0n);
}

/** Whether `next` rises above `previous` by at least `percent` percent (and strictly, so a zero price must rise too). */
function bumped(previous: bigint, next: bigint, percent: number): boolean {
  return next > previous && next * 100n >= previous * BigInt(100 + percent);
}

/**
 * Why `next` may not replace `previous` (same sender and nonce), or undefined when it may: both
 * the fee cap and the tip cap must rise by `priceBump` percent, and for a blob transaction the
 * blob fee cap by `blobPriceBump` percent as well.
 */
export function replacementShortfall(previous: Transaction, next: Transaction, priceBump: number, blobPriceBump: number): string | undefined {
  if (!bumped(previous.feeCap, next.feeCap, priceBump)) {
    return `max fee per gas ${next.feeCap} must be at least ${priceBump}% above the pooled ${previous.feeCap}`;
  }
  if (!bumped(previous.tipCap, next.tipCap, priceBump)) {
    return `max priority fee per gas ${next.tipCap} must be at least ${priceBump}% above the pooled ${previous.tipCap}`;
  }
  const previousBlobFee = previous.maxFeePerBlobGas;
  if (previousBlobFee !== undefined && !bumped(previousBlobFee, next.maxFeePerBlobGas ?? 0n, blobPriceBump)) {
    return `max fee per blob gas ${next.maxFeePerBlobGas ?? 0n} must be at least ${blobPriceBump}% above the pooled ${previousBlobFee}`;
  }
  return undefined;
}
