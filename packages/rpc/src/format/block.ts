import { bigintToHex, bytesToHex } from '@cairn/common';
import type { Block } from '@cairn/chain';
import { formatHeader } from './header';
import { formatTransaction } from './transaction';

/**
 * A block object: header fields, size (of the block's encoding), total difficulty where known,
 * transactions (hashes or full objects), uncle hashes and withdrawals.
 */
export function formatBlock(block: Block, fullTransactions: boolean, totalDifficulty?: bigint): Record<string, unknown> {
  const { header } = block;
  const out: Record<string, unknown> = { ...formatHeader(header), size: bigintToHex(block.encode().length) };
  if (totalDifficulty !== undefined) out.totalDifficulty = bigintToHex(totalDifficulty);
  out.transactions = block.transactions.map((tx, index) =>
    fullTransactions
      ? formatTransaction(tx, { blockHash: header.hash(), blockNumber: header.number, index, baseFeePerGas: header.baseFeePerGas })
      : bytesToHex(tx.hash()),
  );
  out.uncles = block.ommers.map((ommer) => bytesToHex(ommer.hash()));
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

/** An uncle as eth_getUncleByBlockHashAndIndex returns it: a block of its header alone (geth's size is the header's). */
export function formatUncle(block: Block, index: number): Record<string, unknown> | null {
  const ommer = block.ommers[index];
  if (ommer === undefined) return null;
  return { ...formatHeader(ommer), size: bigintToHex(ommer.encode().length), transactions: [], uncles: [] };
}
