import { type Hash256, KECCAK256_EMPTY, bytesToHex, equalBytes, rlpEncode } from '@cairn/common';
import type { BatchWriter } from '@cairn/storage';
import { type Account, decodeAccount, encodeAccount } from '../account';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { StateCommitError } from '../errors';
import type { TrieCommit } from '../store/commit';
import type { TrieNodeStore } from '../store/node-store';
import { Trie } from '../trie';
import { slotKey } from './state-reader';
import type { AccountChange } from './types';

/** Everything one commit changed, for the write batch, the node cache and the pruning journal. */
export interface AppliedChanges {
  readonly root: Uint8Array;
  /** The account trie's commit and one per storage trie that changed. */
  readonly commits: readonly TrieCommit[];
  /** Storage tries dropped whole (the account was deleted or its storage cleared). */
  readonly removedStorageRoots: readonly Uint8Array[];
  /** Code hashes that gained or lost an account. */
  readonly insertedCode: readonly Uint8Array[];
  readonly removedCode: readonly Uint8Array[];
}

export interface ChangeWriters {
  readonly nodes: BatchWriter;
  readonly code: BatchWriter;
}

const MAX_WORD = (1n << 256n) - 1n;

function checkedValue(value: bigint, address: Uint8Array): bigint {
  if (value < 0n || value > MAX_WORD) throw new StateCommitError(`a storage value of ${bytesToHex(address)} is not a 256-bit word`);
  return value;
}

function validate(changes: readonly AccountChange[], hash: Hash256): void {
  const seen = new Set<string>();
  for (const change of changes) {
    const name = bytesToHex(change.address);
    if (change.address.length !== 20) throw new StateCommitError(`address ${name} is not 20 bytes`);
    if (seen.has(name)) throw new StateCommitError(`account ${name} appears twice in one commit`);
    seen.add(name);
    if (change.account === null && (change.storage.size > 0 || change.code !== undefined)) {
      throw new StateCommitError(`deleted account ${name} cannot have storage or code changes`);
    }
    if (change.code !== undefined && !equalBytes(hash(change.code), change.account!.codeHash)) {
      throw new StateCommitError(`the code given for ${name} does not hash to its codeHash`);
    }
  }
}

/**
 * Applies a block's account changes to the state at `base`: every changed storage trie first,
 * then the account trie. New nodes go to `writers.nodes`, new code to `writers.code`. Reads of
 * all changed accounts start together, so that a cold commit waits for the store once per trie
 * level rather than once per account.
 */
export async function applyChanges(nodes: TrieNodeStore, hash: Hash256, base: Uint8Array, changes: readonly AccountChange[], writers: ChangeWriters): Promise<AppliedChanges> {
  validate(changes, hash);
  const accounts = new Trie({ nodes, root: base, hash });
  const keys = changes.map((change) => hash(change.address));
  const before = await Promise.all(keys.map(async (key) => {
    const raw = await accounts.get(key);
    return raw && decodeAccount(raw);
  }));
  const commits: TrieCommit[] = [];
  const removedStorageRoots: Uint8Array[] = [];
  const insertedCode: Uint8Array[] = [];
  const removedCode: Uint8Array[] = [];
  for (const [i, change] of changes.entries()) {
    const old: Account | undefined = before[i];
    const oldCode = old?.codeHash ?? KECCAK256_EMPTY;
    const newCode = change.account?.codeHash ?? KECCAK256_EMPTY;
    if (!equalBytes(oldCode, newCode)) {
      if (!equalBytes(oldCode, KECCAK256_EMPTY)) removedCode.push(oldCode);
      if (!equalBytes(newCode, KECCAK256_EMPTY)) {
        if (change.code === undefined) throw new StateCommitError(`account ${bytesToHex(change.address)} gets code ${bytesToHex(newCode)} but the code is not given`);
        insertedCode.push(newCode);
      }
    }
    if (change.code !== undefined) writers.code.put(newCode, change.code);
    const dropStorage = old !== undefined && (change.account === null || change.storageCleared);
    if (dropStorage && !equalBytes(old.storageRoot, EMPTY_TRIE_ROOT)) removedStorageRoots.push(old.storageRoot);
    if (change.account === null) {
      if (old) await accounts.del(keys[i]);
      continue;
    }
    let storageRoot = old && !dropStorage ? old.storageRoot : EMPTY_TRIE_ROOT;
    if (change.storage.size > 0) {
      const storage = new Trie({ nodes, root: storageRoot, hash });
      const slots = [...change.storage].map(([slot, value]) => [hash(slotKey(slot)), checkedValue(value, change.address)] as const);
      await Promise.all(slots.map(([key]) => storage.get(key)));
      for (const [key, value] of slots) {
        if (value === 0n) await storage.del(key);
        else await storage.put(key, rlpEncode(value));
      }
      const commit = storage.commit(writers.nodes);
      commits.push(commit);
      storageRoot = commit.root;
    }
    await accounts.put(keys[i], encodeAccount({ nonce: change.account.nonce, balance: change.account.balance, storageRoot, codeHash: newCode }));
  }
  const accountCommit = accounts.commit(writers.nodes);
  return { root: accountCommit.root, commits: [accountCommit, ...commits], removedStorageRoots, insertedCode, removedCode };
}
