import { type Hash256, KECCAK256_EMPTY, RlpError, bigintToFixedBytes, bytesToHex, bytesToUint, equalBytes, rlpDecode } from '@cairn/common';
import type { KeyValueReader } from '@cairn/storage';
import { type Account, decodeAccount } from '../account';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { MissingNodeError, StateNotAvailableError } from '../errors';
import type { TrieNodeStore } from '../store/node-store';
import { Trie } from '../trie';
import type { StateReader } from './types';

/** The 32-byte storage trie key of a slot number. */
export function slotKey(slot: bigint): Uint8Array {
  return bigintToFixedBytes(slot, 32);
}

/** A storage value as the trie holds it: the RLP of its minimal big-endian bytes. */
export function decodeStorageValue(bytes: Uint8Array): bigint {
  const value = rlpDecode(bytes);
  if (!(value instanceof Uint8Array)) throw new RlpError('a storage value must be an RLP byte string');
  return bytesToUint(value, 32, 'storage value');
}

/** One slot of an `eth_getProof` answer. */
export interface StorageProof {
  readonly key: bigint;
  readonly value: bigint;
  readonly proof: Uint8Array[];
}

/** What `eth_getProof` returns for one account (EIP-1186), before hex encoding. */
export interface AccountProof {
  readonly address: Uint8Array;
  readonly account: Account | undefined;
  readonly accountProof: Uint8Array[];
  readonly storageHash: Uint8Array;
  readonly storageProof: StorageProof[];
}

/**
 * The state at one stored root. The first read checks that the root's node is in the store (not
 * only in a cache), so that a pruned root fails at once with `StateNotAvailableError`; a node
 * missing further down fails the same way.
 */
export class StoredState implements StateReader {
  readonly #accounts: Trie;
  readonly #storage = new Map<string, Trie>();
  #present: Promise<void> | undefined;

  constructor(
    readonly root: Uint8Array,
    private readonly nodes: TrieNodeStore,
    private readonly code: KeyValueReader,
    private readonly hash: Hash256,
  ) {
    this.#accounts = new Trie({ nodes, root, hash });
  }

  async getAccount(address: Uint8Array): Promise<Account | undefined> {
    const raw = await this.#read(() => this.#accounts.get(this.hash(address)));
    return raw && decodeAccount(raw);
  }

  async getStorage(address: Uint8Array, slot: bigint): Promise<bigint> {
    const account = await this.getAccount(address);
    if (!account || equalBytes(account.storageRoot, EMPTY_TRIE_ROOT)) return 0n;
    const trie = this.#storageTrie(address, account.storageRoot);
    const raw = await this.#read(() => trie.get(this.hash(slotKey(slot))));
    return raw ? decodeStorageValue(raw) : 0n;
  }

  /**
   * The Merkle proofs `eth_getProof` returns (EIP-1186): the account's path in the state trie
   * and each slot's path in its storage trie, root first. `account` is undefined (and the account
   * proof proves its absence) for an account that does not exist.
   */
  async getProof(address: Uint8Array, slots: readonly bigint[]): Promise<AccountProof> {
    const accountProof = await this.#read(() => this.#accounts.createProof(this.hash(address)));
    const account = await this.getAccount(address);
    const storageHash = account?.storageRoot ?? EMPTY_TRIE_ROOT;
    const storageProof: StorageProof[] = [];
    for (const slot of slots) {
      const proof = await this.#read(() => this.#storageTrie(address, storageHash).createProof(this.hash(slotKey(slot))));
      storageProof.push({ key: slot, value: await this.getStorage(address, slot), proof });
    }
    return { address, account, accountProof, storageHash, storageProof };
  }

  async getCode(codeHash: Uint8Array): Promise<Uint8Array> {
    if (equalBytes(codeHash, KECCAK256_EMPTY)) return new Uint8Array(0);
    await this.#read(async () => undefined);
    const code = await this.code.get(codeHash);
    if (code === undefined) throw new StateNotAvailableError(this.root, `code ${bytesToHex(codeHash)} is not in the store`);
    return code;
  }

  #storageTrie(address: Uint8Array, storageRoot: Uint8Array): Trie {
    const key = bytesToHex(address);
    let trie = this.#storage.get(key);
    if (!trie) {
      trie = new Trie({ nodes: this.nodes, root: storageRoot, hash: this.hash });
      this.#storage.set(key, trie);
    }
    return trie;
  }

  async #read<T>(read: () => Promise<T>): Promise<T> {
    this.#present ??= this.#checkRoot();
    await this.#present;
    try {
      return await read();
    } catch (error) {
      if (error instanceof MissingNodeError) throw new StateNotAvailableError(this.root, error.message, { cause: error });
      throw error;
    }
  }

  async #checkRoot(): Promise<void> {
    if (equalBytes(this.root, EMPTY_TRIE_ROOT)) return;
    if ((await this.nodes.store.get(this.root)) === undefined) {
      throw new StateNotAvailableError(this.root, 'its root node is not in the store (pruned, or never committed)');
    }
  }
}
