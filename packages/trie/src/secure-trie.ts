import type { IterateOptions } from './core/iterate';
import { Trie, type TrieOptions } from './trie';

/**
 * The secure trie of the Yellow Paper: every key is hashed (keccak256, or the `hash` option)
 * before it reaches the trie, so paths are uniform and 64 nibbles long. The world state uses it
 * for accounts (keyed by address) and storage (keyed by 32-byte slot).
 */
export class SecureTrie {
  readonly trie: Trie;

  constructor(options: TrieOptions = {}) {
    this.trie = new Trie(options);
  }

  get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.trie.get(this.trie.hash(key));
  }

  put(key: Uint8Array, value: Uint8Array): Promise<void> {
    return this.trie.put(this.trie.hash(key), value);
  }

  del(key: Uint8Array): Promise<void> {
    return this.trie.del(this.trie.hash(key));
  }

  /** The proof for `key`; verify it with `verifyProof(root, keccak256(key), proof)`. */
  createProof(key: Uint8Array): Promise<Uint8Array[]> {
    return this.trie.createProof(this.trie.hash(key));
  }

  /** The entries in the order of their hashed keys; keys are yielded hashed (preimages are not kept). */
  entries(options: IterateOptions = {}): AsyncGenerator<[Uint8Array, Uint8Array]> {
    return this.trie.entries(options);
  }

  root(): Uint8Array {
    return this.trie.root();
  }
}
