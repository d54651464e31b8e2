import { bytesToHex } from '@cairn/common';
import type { KeyValueBatcher, KeyValueReader } from '@cairn/storage';
import type { HashNode, LoadedNode } from '../core/node';
import { decodeNode } from '../core/node-decoding';
import { MissingNodeError } from '../errors';
import { NodeCache, hashKey } from './node-cache';

export interface TrieNodeStoreOptions {
  /** How many decoded nodes to keep in memory (default 200,000). */
  readonly cacheSize?: number;
}

/**
 * Trie nodes by hash, read from a key-value store (usually its `trieNodes` segment) and kept
 * decoded in a bounded cache shared by every trie opened on it. Cached nodes are stored nodes,
 * which tries never change in place, so sharing them is safe.
 */
export class TrieNodeStore {
  readonly #cache: NodeCache<LoadedNode>;
  readonly #loading = new Map<string, Promise<LoadedNode>>();

  /** `store` is where nodes live, keyed by hash (usually the `trieNodes` segment). */
  constructor(
    readonly store: KeyValueReader & KeyValueBatcher,
    options: TrieNodeStoreOptions = {},
  ) {
    this.#cache = new NodeCache(options.cacheSize ?? 200_000);
  }

  /** The node, when it is in the cache. */
  resolve(ref: HashNode): LoadedNode | undefined {
    return this.#cache.get(hashKey(ref.hash));
  }

  /** The node, from the cache or the store; `MissingNodeError` when the store lacks it. */
  load(hash: Uint8Array): Promise<LoadedNode> {
    const key = hashKey(hash);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    // Concurrent readers of the same node share one read.
    let pending = this.#loading.get(key);
    if (pending === undefined) {
      pending = this.#read(hash, key).finally(() => this.#loading.delete(key));
      this.#loading.set(key, pending);
    }
    return pending;
  }

  /** Makes a node that was just written available without a read. */
  remember(hash: Uint8Array, node: LoadedNode): void {
    this.#cache.set(hashKey(hash), node);
  }

  /** Drops a node that was deleted from the store. */
  forget(hash: Uint8Array): void {
    this.#cache.delete(hashKey(hash));
  }

  async #read(hash: Uint8Array, key: string): Promise<LoadedNode> {
    const encoded = await this.store.get(hash);
    if (encoded === undefined) throw new MissingNodeError(hash, `trie node ${bytesToHex(hash)} is not in the store`);
    const node = decodeNode(encoded, hash);
    this.#cache.set(key, node);
    return node;
  }
}
