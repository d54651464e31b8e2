import { equalBytes, type ForkRules, GAS_PER_BLOB } from '@cairn/common';
import { BlockError } from '../errors';
import { ommersHash } from '../header/ommers';
import type { Block } from './block';
import { transactionsRoot, withdrawalsRoot } from './roots';

/** A block may name at most this many ommers. */
export const MAX_OMMERS = 2;

/**
 * Checks the parts of a block's body that its header commits to, except the transactions: at
 * most two ommers and their hash, withdrawals present exactly from Shanghai and their root, the
 * blob gas the transactions use (EIP-4844). Throws `BlockError`.
 */
export async function validateBodyWithoutTransactionsRoot(block: Block, rules: ForkRules): Promise<void> {
  const { header } = block;
  if (block.ommers.length > MAX_OMMERS) throw new BlockError('TOO_MANY_OMMERS', `${block.ommers.length} ommers exceed the limit of ${MAX_OMMERS}`, 'ommersHash');
  if (!equalBytes(ommersHash(block.ommers), header.ommersHash)) throw new BlockError('INVALID_OMMERS_HASH', "the ommers do not match the header's ommers hash", 'ommersHash');
  if (rules.has(4895) !== (block.withdrawals !== undefined)) {
    throw new BlockError(block.withdrawals ? 'UNEXPECTED_FIELD' : 'MISSING_FIELD', `withdrawals exist exactly from EIP-4895 (${rules})`, 'withdrawals');
  }
  if (header.blobGasUsed !== undefined) {
    let blobs = 0;
    for (const tx of block.transactions) blobs += tx.blobVersionedHashes.length;
    const used = BigInt(blobs) * GAS_PER_BLOB;
    if (used !== header.blobGasUsed) throw new BlockError('INVALID_BLOB_GAS_USED', `the transactions use ${used} blob gas, the header says ${header.blobGasUsed}`, 'blobGasUsed');
  }
  if (block.withdrawals && !equalBytes(await withdrawalsRoot(block.withdrawals), header.withdrawalsRoot ?? new Uint8Array(0))) {
    throw new BlockError('INVALID_WITHDRAWALS_ROOT', "the withdrawals do not match the header's withdrawals root", 'withdrawalsRoot');
  }
}

/** Checks that the transactions are the ones the header's transactions root commits to. */
export async function validateTransactionsRoot(block: Block): Promise<void> {
  if (!equalBytes(await transactionsRoot(block.transactions), block.header.transactionsRoot)) {
    throw new BlockError('INVALID_TRANSACTIONS_ROOT', "the transactions do not match the header's transactions root", 'transactionsRoot');
  }
}

/**
 * Checks that a block's body is the one its header commits to, without executing it: at most
 * two ommers and their hash, withdrawals present exactly from Shanghai and their root, the blob
 * gas the transactions use (EIP-4844), and the transactions root. Each transaction's own rules
 * (`validateTransaction`) and the ommers' ancestry are checked by block execution and the chain,
 * which need the senders and the ancestors. Throws `BlockError`.
 */
export async function validateBlockBody(block: Block, rules: ForkRules): Promise<void> {
  await validateBodyWithoutTransactionsRoot(block, rules);
  await validateTransactionsRoot(block);
}
