import { bigintToHex, bytesToHex } from '@cairn/common';
import { minBigInt } from './bigint';
import type { Transaction } from '@cairn/chain';

/** Where a mined transaction sits; absent for a pending one. */
export interface TransactionPosition {
  readonly blockHash: Uint8Array;
  readonly blockNumber: bigint;
  readonly index: number;
  /** The block's base fee, which fixes the price an EIP-1559 transaction paid. */
  readonly baseFeePerGas?: bigint;
}

/**
 * The price per gas a transaction pays in a block with this base fee: its gas price, or for fee-cap
 * types min(maxFeePerGas, baseFee + maxPriorityFeePerGas).
 */
export function effectiveGasPrice(tx: Transaction, baseFeePerGas: bigint | undefined): bigint {
  if (tx.maxFeePerGas === undefined || tx.maxPriorityFeePerGas === undefined) return tx.gasPrice ?? 0n;
  if (baseFeePerGas === undefined) return tx.maxFeePerGas;
  return minBigInt(baseFeePerGas + tx.maxPriorityFeePerGas, tx.maxFeePerGas);
}

/**
 * A transaction object as eth_getTransactionByHash and full blocks carry it: every type's own
 * fields, `v`/`r`/`s` (and `yParity` for typed ones, with `v` equal to it), `gasPrice` as the
 * price actually paid once mined (the fee cap while pending), and null position fields while pending.
 */
export function formatTransaction(tx: Transaction, position?: TransactionPosition): Record<string, unknown> {
  const out: Record<string, unknown> = {
    blockHash: position ? bytesToHex(position.blockHash) : null,
    blockNumber: position ? bigintToHex(position.blockNumber) : null,
    transactionIndex: position ? bigintToHex(position.index) : null,
    hash: bytesToHex(tx.hash()),
    from: bytesToHex(tx.sender()),
    to: tx.to === undefined ? null : bytesToHex(tx.to),
    nonce: bigintToHex(tx.nonce),
    gas: bigintToHex(tx.gasLimit),
    value: bigintToHex(tx.value),
    input: bytesToHex(tx.data),
    type: bigintToHex(tx.type),
    gasPrice: bigintToHex(position ? effectiveGasPrice(tx, position.baseFeePerGas) : (tx.gasPrice ?? tx.maxFeePerGas ?? 0n)),
  };
  if (tx.maxFeePerGas !== undefined) out.maxFeePerGas = bigintToHex(tx.maxFeePerGas);
  if (tx.maxPriorityFeePerGas !== undefined) out.maxPriorityFeePerGas = bigintToHex(tx.maxPriorityFeePerGas);
  if (tx.maxFeePerBlobGas !== undefined) out.maxFeePerBlobGas = bigintToHex(tx.maxFeePerBlobGas);
  if (tx.type === 3) out.blobVersionedHashes = tx.blobVersionedHashes.map(bytesToHex);
  if (tx.type !== 0) {
    out.accessList = tx.accessList.map((e) => ({ address: bytesToHex(e.address), storageKeys: e.storageKeys.map(bytesToHex) }));
  }
  const { signature } = tx;
  if (tx.chainId !== undefined) out.chainId = bigintToHex(tx.chainId);
  if (signature.yParity !== undefined) {
    out.v = bigintToHex(signature.yParity);
    out.yParity = bigintToHex(signature.yParity);
  } else {
    out.v = bigintToHex(signature.v);
  }
  out.r = bigintToHex(signature.r);
  out.s = bigintToHex(signature.s);
  return out;
}
