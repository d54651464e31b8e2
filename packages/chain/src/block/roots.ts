import { rlpEncode } from '@cairn/common';
import { Trie } from '@cairn/trie';
import { encodeReceipt, type Receipt } from '../receipts/receipt';
import type { Transaction } from '../transactions/transaction';
import { encodeWithdrawal, type Withdrawal } from '../withdrawals/withdrawal';

/** The root of a trie mapping rlp(i) to the i-th value: how blocks commit to lists. */
export async function orderedTrieRoot(values: readonly Uint8Array[]): Promise<Uint8Array> {
  const trie = new Trie();
  for (let i = 0; i < values.length; i++) await trie.put(rlpEncode(BigInt(i)), values[i]);
  return trie.root();
}

/** The transactions root: of each transaction's canonical (EIP-2718) encoding. */
export function transactionsRoot(transactions: readonly Transaction[]): Promise<Uint8Array> {
  return orderedTrieRoot(transactions.map((tx) => tx.encode()));
}

/** The receipts root: of each receipt's canonical encoding (typed ones in their envelope). */
export function receiptsRoot(receipts: readonly Receipt[]): Promise<Uint8Array> {
  return orderedTrieRoot(receipts.map(encodeReceipt));
}

/** The withdrawals root (EIP-4895). */
export function withdrawalsRoot(withdrawals: readonly Withdrawal[]): Promise<Uint8Array> {
  return orderedTrieRoot(withdrawals.map((w) => rlpEncode(encodeWithdrawal(w))));
}
