import { type Hash256, ValueError, equalBytes, keccak256 } from '@cairn/common';
import type { BatchWriter } from '@cairn/storage';
import { type IterateOptions, iterate } from './core/iterate';
import { lookup } from './core/lookup';
import { insert, remove } from './core/mutate';
import { bytesToNibbles } from './core/nibbles';
import { HASH, HashNode, type LoadedNode, type TrieNode, isClean } from './core/node';
import { NodeEncoder } from './core/node-encoding';
import { createProof } from './core/proof';
import { type MutationContext, NeedNode } from './core/resolver';
import { EMPTY_TRIE_ROOT } from './empty-root';
import { MissingNodeError } from './errors';
import { type TrieCommit, collectCommit } from './store/commit';
import type { TrieNodeStore } from './store/node-store';

export interface TrieOptions {
  /** The 32-byte hash of nodes (default: `keccak256` of @cairn/common, WebAssembly). */
  readonly hash?: Hash256;
  /** Where a persisted trie's nodes are read from; without it the trie lives in memory only. */
  readonly nodes?: TrieNodeStore;
  /** The root to open (anything but the empty root needs `nodes`). */
  readonly root?: Uint8Array;
}

function checkBytes(bytes: Uint8Array, what: string): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new ValueError(`a trie ${what} must be a Uint8Array`);
  return bytes;
}

/**
 * The Modified Merkle Patricia Trie of the Yellow Paper (appendix D). Keys and values are byte
 * strings; an empty value deletes. Nodes stay unhashed while they change and are hashed once,
 * bottom-up, by `root()`. With a node store the trie opens at any stored root, loads nodes as it
 * needs them, and `commit()` hands the new nodes to one write batch.
 */
export class Trie {
  readonly hash: Hash256;
  readonly #nodes: TrieNodeStore | undefined;
  #root: TrieNode | undefined;
  #rootHash: Uint8Array | undefined;
  /** The root as last opened or committed, and its node once loaded. */
  #baseRoot: Uint8Array;
  #baseRootNode: LoadedNode | undefined;
  /** Hashes of stored nodes that left the trie since the last commit. */
  #removed: Uint8Array[] = [];
  readonly #context: MutationContext;
  readonly #encoder: NodeEncoder;

  constructor(options: TrieOptions = {}) {
    this.hash = options.hash ?? keccak256;
    this.#encoder = new NodeEncoder(this.hash);
    this.#nodes = options.nodes;
    const root = options.root ?? EMPTY_TRIE_ROOT;
    const empty = equalBytes(root, EMPTY_TRIE_ROOT);
    if (!empty && !this.#nodes) throw new MissingNodeError(root, 'a trie opened at a non-empty root needs a node store');
    this.#root = empty ? undefined : new HashNode(root);
    this.#rootHash = empty ? EMPTY_TRIE_ROOT : root;
    this.#baseRoot = this.#rootHash;
    const nodes = this.#nodes;
    this.#context = {
      resolve: (ref) => nodes?.resolve(ref),
      load: (hash) => (nodes ? nodes.load(hash) : Promise.reject(new MissingNodeError(hash, 'this trie has no node store'))),
      discard: (node) => {
        if (node.hash !== undefined) this.#removed.push(node.hash);
        // A root under 32 bytes is stored by its hash although it has no `hash` of its own.
        else if (node === this.#baseRootNode) this.#removed.push(this.#baseRoot);
      },
    };
  }

  /** The value stored at `key`, or undefined. */
  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const nibbles = bytesToNibbles(checkBytes(key, 'key'));
    for (;;) {
      const result = lookup(this.#context, this.#root, nibbles);
      if (!(result instanceof NeedNode)) return result;
      await this.#context.load(result.hash);
    }
  }

  /** Stores `value` at `key`; an empty value deletes the key. */
  async put(key: Uint8Array, value: Uint8Array): Promise<void> {
    if (checkBytes(value, 'value').length === 0) return this.del(key);
    const nibbles = bytesToNibbles(checkBytes(key, 'key'));
    await this.#loadRoot();
    for (;;) {
      const result = insert(this.#context, this.#root, nibbles, 0, value);
      if (!(result instanceof NeedNode)) return this.#setRoot(result);
      await this.#context.load(result.hash);
    }
  }

  /** Removes `key` (nothing happens when it is absent). */
  async del(key: Uint8Array): Promise<void> {
    const nibbles = bytesToNibbles(checkBytes(key, 'key'));
    await this.#loadRoot();
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

  /**
   * The Merkle proof for `key`: the RLP of each node on its path that is referred to by hash,
   * root first (EIP-1186). It proves the value, or the absence of the key; check it with
   * `verifyProof`.
   */
  async createProof(key: Uint8Array): Promise<Uint8Array[]> {
    this.root();
    return createProof(this.#context, this.#encoder, this.#root, key);
  }

  /** The root hash (synchronous): hashes the nodes changed since the last call, once each. */
  root(): Uint8Array {
    if (this.#rootHash === undefined) {
      const ref = this.#encoder.reference(this.#root!);
      // The root is always referred to by hash, even when its encoding is under 32 bytes.
      this.#rootHash = ref.length === 32 ? ref : this.hash(ref);
    }
    return this.#rootHash;
  }

  /**
   * Puts every node changed since the last commit into `batch` (keyed by hash, for the node
   * store's key space) and returns the new root with what was inserted and what left the trie.
   * From here on those nodes count as stored. Once the batch is written, `remember` them in the
   * node store so that the next reader finds them without a read.
   */
  commit(batch: BatchWriter): TrieCommit {
    const root = this.root();
    const inserted = this.#root === undefined ? [] : collectCommit(this.#encoder, this.#root, root, batch);
    const result: TrieCommit = { root, inserted, removed: this.#removed };
    this.#removed = [];
    this.#baseRoot = root;
    this.#baseRootNode = this.#root === undefined || this.#root.kind === HASH ? undefined : this.#root;
    return result;
  }

  /**
   * `commit` in a batch of its own, written to the node store at once; returns the root. The
   * trie then lets go of its nodes and reads them back through the node store's cache.
   */
  async persist(): Promise<Uint8Array> {
    if (!this.#nodes) throw new MissingNodeError(this.root(), 'this trie has no node store to persist to');
    const batch = this.#nodes.store.batch();
    const result = this.commit(batch);
    await batch.write();
    for (const { hash, node } of result.inserted) this.#nodes.remember(hash, node);
    // From now on the trie reads through the node store, so it holds no more than its cache.
    if (this.#root !== undefined) {
      this.#root = new HashNode(result.root);
      this.#baseRootNode = undefined;
    }
    return result.root;
  }

  /** Replaces a root that is still a bare hash by its node, so that changes to it are recorded. */
  async #loadRoot(): Promise<void> {
    if (this.#root?.kind !== HASH) return;
    const node = this.#context.resolve(this.#root) ?? (await this.#context.load(this.#root.hash));
    if (this.#root?.kind !== HASH) return;
    // A bare-hash root is only ever the base root (the one opened).
    this.#root = node;
    this.#baseRootNode = node;
  }

  #setRoot(node: TrieNode | undefined): void {
    if (node === this.#root && node !== undefined && isClean(node)) return;
    this.#root = node;
    this.#rootHash = node === undefined ? EMPTY_TRIE_ROOT : undefined;
  }
}
