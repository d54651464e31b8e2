import { bytesToHex, equalBytes, KECCAK256_EMPTY } from '@cairn/common';
import type { Blockchain } from '@cairn/chain';
import { type KeyValueStore, Segments, segment } from '@cairn/storage';
import { decodeAccount, EMPTY_TRIE_ROOT, Trie, TrieNodeStore } from '@cairn/trie';

/**
 * Checks that a chain reopened after a crash is consistent: the canonical index runs from the
 * head down to genesis along parent hashes with nothing above the head, the head's transactions
 * are indexed, and the head's whole state can be read (every account, every storage slot, every
 * piece of code). Returns the number of accounts, or throws what is wrong.
 */
export async function checkChainConsistency(chain: Blockchain, store: KeyValueStore): Promise<number> {
  const head = chain.head;
  if (await chain.blocks.canonicalHash(head.header.number + 1n)) throw new Error(`a canonical block above the head #${head.header.number}`);
  let header = head.header;
  while (true) {
    const canonical = await chain.blocks.canonicalHash(header.number);
    if (!canonical || !equalBytes(canonical, header.hash())) throw new Error(`canonical #${header.number} is not on the head's chain`);
    if (header.number === 0n) break;
    const parent = await chain.blocks.header(header.parentHash);
    if (!parent) throw new Error(`the parent of #${header.number} is missing`);
    if (!(await chain.blocks.receipts(header.hash()))) throw new Error(`the receipts of #${header.number} are missing`);
    header = parent;
  }
  for (const [index, tx] of head.transactions.entries()) {
    const location = await chain.blocks.transactionLocation(tx.hash());
    if (!location || location.index !== index || !equalBytes(location.blockHash, head.hash())) throw new Error(`transaction ${bytesToHex(tx.hash())} of the head is not indexed`);
  }
  const nodes = new TrieNodeStore(segment(store, Segments.trieNodes));
  const code = segment(store, Segments.code);
  let accounts = 0;
  for await (const [, value] of new Trie({ nodes, root: head.header.stateRoot }).entries()) {
    const account = decodeAccount(value);
    accounts++;
    if (!equalBytes(account.storageRoot, EMPTY_TRIE_ROOT)) for await (const _ of new Trie({ nodes, root: account.storageRoot }).entries());
    if (!equalBytes(account.codeHash, KECCAK256_EMPTY) && !(await code.get(account.codeHash))) throw new Error(`code ${bytesToHex(account.codeHash)} is missing`);
  }
  return accounts;
}
