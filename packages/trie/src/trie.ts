import { type Hash256, keccak256 } from '@cairn/common';
import { bytesToNibbles } from './core/nibbles';
import { type TrieNode, isClean } from './core/node';
import { computeReference } from './core/node-encoding';
import { type IterateOptions, iterate } from './core/iterate';
import { lookup } from './core/lookup';
import { insert, remove } from './core/mutate';
import { type MutationContext, NeedNode, type NodeResolver } from './core/resolver';
import { MissingNodeError } from './errors';
import { EMPTY_TRIE_ROOT } from './empty-root';

export interface TrieOptions {
  /** The 32-byte hash of nodes (default: `keccak256` of @cairn/common, WebAssembly). */
  readonly hash?: Hash256;
}

/**
 * The Modified Merkle Patricia Trie of the Yellow Paper (appendix D), in memory. Keys and values
 * are byte strings; an empty value deletes. Nodes stay unhashed while they change and are hashed
 * once, bottom-up, by `root()`.
 */
export class Trie {
  readonly hash: Hash256;
  #root: TrieNode | undefined = undefined;
  #rootHash: Uint8Array | undefined = EMPTY_TRIE_ROOT;
  readonly #context: MutationContext;

  constructor(options: TrieOptions = {}) {
    this.hash = options.hash ?? keccak256;
    const resolver: NodeResolver = {
      resolve: () => undefined,
      load: (hash) => Promise.reject(new MissingNodeError(hash, 'this trie has no node store')),
    };
    this.#context = { ...resolver, discard: () => {} };
  }

  /** The value stored at `key`, or undefined. */
  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const nibbles = bytesToNibbles(key);
    for (;;) {
      const result = lookup(this.#context, this.#root, nibbles);
      if (!(result instanceof NeedNode)) return result;
      await this.#context.load(result.hash);
    }
  }

  /** Stores `value` at `key`; an empty value deletes the key. */
  async put(key: Uint8Array, value: Uint8Array): Promise<void> {
    if (value.length === 0) return this.del(key);
    const nibbles = bytesToNibbles(key);
    for (;;) {
      const result = insert(this.#context, this.#root, nibbles, 0, value);
      if (!(result instanceof NeedNode)) return this.#setRoot(result);
      await this.#context.load(result.hash);
    }
  }

  /** Removes `key` (nothing happens when it is absent). */
  async del(key: Uint8Array): Promise<void> {
    const nibbles = bytesToNibbles(key);
    for (;;) {
      const result = remove(this.#context, this.#root, nibbles, 0);
      if (!(result instanceof NeedNode)) return this.#setRoot(result);
      await this.#context.load(result.hash);
    }
  }

  /**
   * The entries in key order (or reverse), within optional bounds. The trie must not be changed
   * while the iteration runs.
   */
  entries(options: IterateOptions = {}): AsyncGenerator<[Uint8Array, Uint8Array]> {
    return iterate(this.#context, this.#root, options);
  }

  /** The root hash (synchronous): hashes the nodes changed since the last call, once each. */
  root(): Uint8Array {
    if (this.#rootHash === undefined) {
      const ref = computeReference(this.#root!, this.hash);
      // The root is always referred to by hash, even when its encoding is under 32 bytes.
      this.#rootHash = ref.length === 32 ? ref : this.hash(ref);
    }
    return this.#rootHash;
  }

  #setRoot(node: TrieNode | undefined): void {
    if (node === this.#root && node !== undefined && isClean(node)) return;
    this.#root = node;
    this.#rootHash = node === undefined ? EMPTY_TRIE_ROOT : undefined;
  }
}
