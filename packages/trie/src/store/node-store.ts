import { bytesToHex } from '@cairn/common';
import type { KeyValueBatcher, KeyValueReader } from '@cairn/storage';
import { BRANCH, BranchNode, EXTENSION, ExtensionNode, HASH, HashNode, type LoadedNode, type TrieNode } from '../core/node';
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

  /**
   * Makes a node that was just written available without a read. The cached copy refers to its
   * hashed children by hash only, so that it never keeps a whole committed subtree in memory.
   */
  remember(hash: Uint8Array, node: LoadedNode): void {
    this.#cache.set(hashKey(hash), byReference(node));
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

function referenceTo(child: TrieNode): TrieNode {
  return child.kind !== HASH && child.hash !== undefined ? new HashNode(child.hash) : child;
}

/** `node` with every child that has a hash replaced by a `HashNode` (the node itself when none has). */
function byReference(node: LoadedNode): LoadedNode {
  let copy: LoadedNode;
  if (node.kind === EXTENSION) {
    if (node.child.kind === HASH || node.child.hash === undefined) return node;
    copy = new ExtensionNode(node.path, referenceTo(node.child));
  } else if (node.kind === BRANCH) {
    if (!node.children.some((child) => child !== undefined && child.kind !== HASH && child.hash !== undefined)) return node;
    copy = new BranchNode(node.children.map((child) => child && referenceTo(child)), node.value);
  } else {
    return node;
  }
  copy.encoded = node.encoded;
  copy.hash = node.hash;
  copy.stored = true;
  return copy;
}
