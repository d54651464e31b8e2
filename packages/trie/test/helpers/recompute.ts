import { bytesToHex, equalBytes } from '@cairn/common';
import { decodeAccount } from '../../src/account';
import { EMPTY_TRIE_ROOT } from '../../src/empty-root';
import type { TrieNodeStore } from '../../src/store/node-store';
import { Trie } from '../../src/trie';

/**
 * Walks every account and every storage slot of the state at `root` (ordered iteration from the
 * store) and rebuilds it in fresh in-memory tries: returns the rebuilt root (equal to `root` when
 * the stored state is complete and sound) and how many accounts and slots it saw.
 */
export async function recomputeState(nodes: TrieNodeStore, root: Uint8Array): Promise<{ root: Uint8Array; accounts: number; slots: number }> {
  const rebuilt = new Trie();
  let accounts = 0;
  let slots = 0;
  for await (const [key, value] of new Trie({ nodes, root }).entries()) {
    const account = decodeAccount(value);
    accounts++;
    if (!equalBytes(account.storageRoot, EMPTY_TRIE_ROOT)) {
      const storage = new Trie();
      for await (const [slot, word] of new Trie({ nodes, root: account.storageRoot }).entries()) {
        await storage.put(slot, word);
        slots++;
      }
      if (!equalBytes(storage.root(), account.storageRoot)) throw new Error(`storage of account ${bytesToHex(key)} rebuilds to a different root`);
    }
    await rebuilt.put(key, value);
  }
  return { root: rebuilt.root(), accounts, slots };
}
