import { bytesToHex, equalBytes, keccak256 } from '@cairn/common';
import { decodeAccount } from '../../src/account';
import { EMPTY_TRIE_ROOT } from '../../src/empty-root';
import type { StateReader } from '../../src/state/types';
import type { TrieNodeStore } from '../../src/store/node-store';
import { expect } from 'vitest';
import { ADDRESSES, type Model, SLOTS } from './state-model';
import { countPlaces } from './walk-nodes';

/** Every node (account and storage tries) and every code hash the state at `root` reaches. */
export async function reachable(nodes: TrieNodeStore, root: Uint8Array, into = { nodes: new Set<string>(), code: new Set<string>() }) {
  const storageRoots: Uint8Array[] = [];
  const places = await countPlaces(nodes, root, new Map(), async (value) => {
    const account = decodeAccount(value);
    if (!equalBytes(account.storageRoot, EMPTY_TRIE_ROOT)) storageRoots.push(account.storageRoot);
    into.code.add(bytesToHex(account.codeHash));
  });
  for (const storageRoot of storageRoots) await countPlaces(nodes, storageRoot, places);
  for (const hash of places.keys()) into.nodes.add(hash);
  return into;
}

/** Reads every account, slot and code of the model's address and slot pools at `state`. */
export async function expectState(state: StateReader, model: Model): Promise<void> {
  for (const address of ADDRESSES) {
    const want = model.get(bytesToHex(address));
    const account = await state.getAccount(address);
    if (!want) {
      expect(account).toBeUndefined();
      continue;
    }
    expect(account?.nonce).toBe(want.nonce);
    expect(account?.balance).toBe(want.balance);
    expect(bytesToHex(account!.codeHash)).toBe(bytesToHex(want.codeHash));
    expect(bytesToHex(keccak256(await state.getCode(want.codeHash)))).toBe(bytesToHex(want.codeHash));
    for (const slot of SLOTS) expect(await state.getStorage(address, slot)).toBe(want.storage.get(slot) ?? 0n);
  }
}
