import { bigintToHex, bytesToHex } from '@cairn/common';
import type { BlockView } from '../chain/views';
import { formatHeader } from './header';
import { formatTransaction } from './transaction';

/** A block object: header fields, size, transactions (hashes or full objects), uncle hashes, withdrawals. */
export function formatBlock(block: BlockView, fullTransactions: boolean): Record<string, unknown> {
  const { header } = block;
  const out: Record<string, unknown> = { ...formatHeader(header), size: bigintToHex(block.size) };
  if (block.totalDifficulty !== undefined) out.totalDifficulty = bigintToHex(block.totalDifficulty);
  out.transactions = block.transactions.map((record, index) =>
    fullTransactions
      ? formatTransaction(record, { blockHash: header.hash, blockNumber: header.number, index, baseFeePerGas: header.baseFeePerGas })
      : bytesToHex(record.hash),
  );
  out.uncles = block.ommers.map((ommer) => bytesToHex(ommer.hash));
  if (block.withdrawals !== undefined) {
    out.withdrawals = block.withdrawals.map((w) => ({
      index: bigintToHex(w.index),
      validatorIndex: bigintToHex(w.validatorIndex),
      address: bytesToHex(w.address),
      amount: bigintToHex(w.amount),
    }));
  }
  return out;
}

/**
 * An uncle as eth_getUncleByBlockHashAndIndex returns it: a block of its header alone. `size` is
 * left out because a header view does not carry its encoded length.
 */
export function formatUncle(block: BlockView, index: number): Record<string, unknown> | null {
  const ommer = block.ommers[index];
  if (ommer === undefined) return null;
  return { ...formatHeader(ommer), transactions: [], uncles: [] };
}
