import { bigintToHex, bytesToHex, createAddress, GAS_PER_BLOB } from '@cairn/common';
import type { Block, Receipt } from '@cairn/chain';
import { formatLog, type RpcLog } from '../events/rpc-log';
import { effectiveGasPrice } from './transaction';

/** Logs of a block with their positions, in the shape of RpcLog (logIndex counts across the block). */
export function positionedLogs(block: Block, receipts: readonly Receipt[], removed = false): RpcLog[] {
  const { header } = block;
  let logIndex = 0n;
  return receipts.flatMap((receipt, i) =>
    receipt.logs.map((log) => ({
      ...log,
      blockNumber: header.number,
      blockHash: header.hash(),
      transactionHash: block.transactions[i].hash(),
      transactionIndex: BigInt(i),
      logIndex: logIndex++,
      removed,
    })),
  );
}

/**
 * Every receipt of a block as eth_getBlockReceipts returns them: gas used per transaction from the
 * cumulative figures, the created contract's address, logs with positions, `status` (or `root`
 * before Byzantium), the price paid, and blob gas for blob transactions. `blobBaseFee` is the
 * block's price of blob gas, known from the chain's fork rules.
 */
export function formatBlockReceipts(block: Block, receipts: readonly Receipt[], blobBaseFee?: bigint): Record<string, unknown>[] {
  const { header } = block;
  const logs = positionedLogs(block, receipts).map(formatLog);
  let logCursor = 0;
  let previousCumulative = 0n;
  return receipts.map((receipt, index) => {
    const tx = block.transactions[index];
    const receiptLogs = logs.slice(logCursor, logCursor + receipt.logs.length);
    logCursor += receipt.logs.length;
    const gasUsed = receipt.cumulativeGasUsed - previousCumulative;
    previousCumulative = receipt.cumulativeGasUsed;
    const out: Record<string, unknown> = {
      transactionHash: bytesToHex(tx.hash()),
      transactionIndex: bigintToHex(index),
      blockHash: bytesToHex(header.hash()),
      blockNumber: bigintToHex(header.number),
      from: bytesToHex(tx.sender()),
      to: tx.to === undefined ? null : bytesToHex(tx.to),
      cumulativeGasUsed: bigintToHex(receipt.cumulativeGasUsed),
      gasUsed: bigintToHex(gasUsed),
      contractAddress: tx.to === undefined ? bytesToHex(createAddress(tx.sender(), tx.nonce)) : null,
      logs: receiptLogs,
      logsBloom: bytesToHex(receipt.logsBloom),
      type: bigintToHex(receipt.type),
      effectiveGasPrice: bigintToHex(effectiveGasPrice(tx, header.baseFeePerGas)),
    };
    if (receipt.status !== undefined) out.status = bigintToHex(receipt.status);
    else if (receipt.stateRoot !== undefined) out.root = bytesToHex(receipt.stateRoot);
    if (tx.type === 3) {
      out.blobGasUsed = bigintToHex(BigInt(tx.blobVersionedHashes.length) * GAS_PER_BLOB);
      if (blobBaseFee !== undefined) out.blobGasPrice = bigintToHex(blobBaseFee);
    }
    return out;
  });
}
