import { type Address, bigintToBytes, bigintToFixedBytes, bytesToHex, hexToBytes, KECCAK256_EMPTY, keccak256, rlpEncode } from '@cairn/common';
import { type Account, EMPTY_TRIE_ROOT, encodeAccount, SecureTrie } from '@cairn/trie';
import type { AccountChange, AccountReader } from './reader';

interface StoredAccount {
  nonce: bigint;
  balance: bigint;
  codeHash: Uint8Array;
  storage: Map<bigint, bigint>;
  /** The storage trie root, cached until the storage changes. */
  storageRoot: Uint8Array | undefined;
}

/** What an account starts with in a `MemoryState`; every field is optional. */
export interface AccountSetup {
  readonly nonce?: bigint;
  readonly balance?: bigint;
  readonly code?: Uint8Array;
  readonly storage?: ReadonlyMap<bigint, bigint>;
}

/**
 * A world state held in plain maps: the state an embedded EVM, a test or a state test runs on.
 * It answers the EVM's reads, takes the `AccountChange`s a run produces, and computes the state
 * root with @cairn/trie's secure tries (storage tries first, then the account trie).
 */
export class MemoryState implements AccountReader {
  private readonly accounts = new Map<string, StoredAccount>();
  private readonly codes = new Map<string, Uint8Array>();

  /** Creates or replaces an account. */
  setAccount(address: Address, setup: AccountSetup = {}): void {
    const code = setup.code ?? new Uint8Array(0);
    const codeHash = code.length === 0 ? KECCAK256_EMPTY : keccak256(code);
    if (code.length > 0) this.codes.set(bytesToHex(codeHash), code);
    const storage = new Map<bigint, bigint>();
    for (const [slot, value] of setup.storage ?? []) if (value !== 0n) storage.set(slot, value);
    this.accounts.set(bytesToHex(address), { nonce: setup.nonce ?? 0n, balance: setup.balance ?? 0n, codeHash, storage, storageRoot: undefined });
  }

  async getAccount(address: Address): Promise<Account | undefined> {
    const stored = this.accounts.get(bytesToHex(address));
    if (stored === undefined) return undefined;
    return { nonce: stored.nonce, balance: stored.balance, codeHash: stored.codeHash, storageRoot: await storageRootOf(stored) };
  }

  async getStorage(address: Address, slot: bigint): Promise<bigint> {
    return this.accounts.get(bytesToHex(address))?.storage.get(slot) ?? 0n;
  }

  async getCode(codeHash: Uint8Array): Promise<Uint8Array> {
    if (codeHash.length === 32 && bytesToHex(codeHash) === bytesToHex(KECCAK256_EMPTY)) return new Uint8Array(0);
    const code = this.codes.get(bytesToHex(codeHash));
    if (code === undefined) throw new Error(`no code with hash ${bytesToHex(codeHash)}`);
    return code;
  }

  /** Applies the changes of a transaction or block (from `JournaledState.changes()`). */
  commit(changes: readonly AccountChange[]): void {
    for (const change of changes) {
      const key = bytesToHex(change.address);
      if (change.account === null) {
        this.accounts.delete(key);
        continue;
      }
      const previous = this.accounts.get(key);
      const storage = change.storageCleared || previous === undefined ? new Map<bigint, bigint>() : previous.storage;
      for (const [slot, value] of change.storage) {
        if (value === 0n) storage.delete(slot);
        else storage.set(slot, value);
      }
      if (change.code !== undefined && change.code.length > 0) this.codes.set(bytesToHex(change.account.codeHash), change.code);
      const { nonce, balance, codeHash } = change.account;
      const storageRoot = change.storage.size === 0 && !change.storageCleared ? previous?.storageRoot : undefined;
      this.accounts.set(key, { nonce, balance, codeHash, storage, storageRoot });
    }
  }

  /** The state root: the secure trie of every account's RLP, with its storage root. */
  async root(): Promise<Uint8Array> {
    const trie = new SecureTrie();
    for (const [address, stored] of this.accounts) {
      const account = { nonce: stored.nonce, balance: stored.balance, codeHash: stored.codeHash, storageRoot: await storageRootOf(stored) };
      await trie.put(hexToBytes(address), encodeAccount(account));
    }
    return trie.root();
  }
}

async function storageRootOf(stored: StoredAccount): Promise<Uint8Array> {
  if (stored.storageRoot !== undefined) return stored.storageRoot;
  if (stored.storage.size === 0) return (stored.storageRoot = EMPTY_TRIE_ROOT);
  const trie = new SecureTrie();
  for (const [slot, value] of stored.storage) await trie.put(bigintToFixedBytes(slot, 32), rlpEncode(bigintToBytes(value)));
  return (stored.storageRoot = trie.root());
}
