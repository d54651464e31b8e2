import type { BlockEnv, TransactionEnv } from '@cairn/evm';
import type { BlockHeader } from '../header/header';
import type { Transaction } from '../transactions/transaction';

/**
 * The EVM's view of a transaction: its fields with the sender already recovered (`sender`, as
 * `tx.sender()` or a sender recovered ahead of execution).
 */
export function transactionEnv(tx: Transaction, sender: Uint8Array): TransactionEnv {
  return {
    type: tx.type,
    sender,
    to: tx.to,
    nonce: tx.nonce,
    value: tx.value,
    data: tx.data,
    gasLimit: tx.gasLimit,
    gasPrice: tx.gasPrice,
    maxFeePerGas: tx.maxFeePerGas,
    maxPriorityFeePerGas: tx.maxPriorityFeePerGas,
    accessList: tx.accessList,
    maxFeePerBlobGas: tx.maxFeePerBlobGas,
    blobVersionedHashes: tx.blobVersionedHashes,
  };
}

/**
 * The EVM's view of the block a header heads. From the Merge (EIP-4399) the mix hash field holds
 * the beacon chain's randomness, which PREVRANDAO reads instead of the difficulty.
 */
export function blockEnv(header: BlockHeader, merged: boolean, blockHash: (number: bigint) => Promise<Uint8Array>): BlockEnv {
  return {
    coinbase: header.coinbase,
    number: header.number,
    timestamp: header.timestamp,
    gasLimit: header.gasLimit,
    difficulty: header.difficulty,
    prevRandao: merged ? header.mixHash : undefined,
    baseFee: header.baseFeePerGas,
    excessBlobGas: header.excessBlobGas,
    blockHash,
  };
}
