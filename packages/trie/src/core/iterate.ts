import { bytesToNibbles, nibblesToBytes } from './nibbles';
import { BRANCH, EXTENSION, HASH, LEAF, type LoadedNode, type TrieNode } from './node';
import type { NodeResolver } from './resolver';

/** Bounds and direction of an ordered walk over a trie's entries. */
export interface IterateOptions {
  /** The smallest key to yield (inclusive). */
  readonly from?: Uint8Array;
  /** The key to stop before (exclusive). */
  readonly to?: Uint8Array;
  /** Largest key first. */
  readonly reverse?: boolean;
}

/** Sign of comparing `a` with `b` over their common length only. */
function comparePrefix(a: readonly number[], b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

class Walk {
  readonly #lower: Uint8Array | undefined;
  readonly #upper: Uint8Array | undefined;
  readonly #path: number[] = [];

  constructor(
    private readonly resolver: NodeResolver,
    options: IterateOptions,
    private readonly reverse: boolean,
  ) {
    this.#lower = options.from && bytesToNibbles(options.from);
    this.#upper = options.to && bytesToNibbles(options.to);
  }

  /** Whether no key that starts with the current path lies within the bounds. */
  #outside(): boolean {
    const path = this.#path;
    if (this.#lower && comparePrefix(path, this.#lower) < 0) return true;
    if (this.#upper) {
      const c = comparePrefix(path, this.#upper);
      if (c > 0 || (c === 0 && path.length >= this.#upper.length)) return true;
    }
    return false;
  }

  /** Whether the current path, as a complete key, lies within the bounds. */
  #inside(): boolean {
    const path = this.#path;
    if (this.#lower) {
      const c = comparePrefix(path, this.#lower);
      if (c < 0 || (c === 0 && path.length < this.#lower.length)) return false;
    }
    return !this.#outside();
  }

  #entry(value: Uint8Array): [Uint8Array, Uint8Array] {
    return [nibblesToBytes(Uint8Array.from(this.#path)), value];
  }

  async #load(node: TrieNode): Promise<LoadedNode> {
    if (node.kind !== HASH) return node;
    return this.resolver.resolve(node) ?? (await this.resolver.load(node.hash));
  }

  async *visit(ref: TrieNode): AsyncGenerator<[Uint8Array, Uint8Array]> {
    if (this.#outside()) return;
    const node = await this.#load(ref);
    const mark = this.#path.length;
    if (node.kind === LEAF || node.kind === EXTENSION) {
      for (const n of node.path) this.#path.push(n);
      if (node.kind === EXTENSION) yield* this.visit(node.child);
      else if (this.#inside()) yield this.#entry(node.value);
      this.#path.length = mark;
      return;
    }
    if (node.kind !== BRANCH) return;
    if (!this.reverse && node.value !== undefined && this.#inside()) yield this.#entry(node.value);
    for (let k = 0; k < 16; k++) {
      const i = this.reverse ? 15 - k : k;
      const child = node.children[i];
      if (child === undefined) continue;
      this.#path.push(i);
      yield* this.visit(child);
      this.#path.length = mark;
    }
    if (this.reverse && node.value !== undefined && this.#inside()) yield this.#entry(node.value);
  }
}

/** The entries of the trie under `root` in key order (or reverse), within the bounds. */
export async function* iterate(resolver: NodeResolver, root: TrieNode | undefined, options: IterateOptions = {}): AsyncGenerator<[Uint8Array, Uint8Array]> {
  if (root === undefined) return;
  yield* new Walk(resolver, options, options.reverse ?? false).visit(root);
}
