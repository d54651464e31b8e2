/** A 32-byte hash as a Map key: one latin1 character per byte. */
export function hashKey(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('latin1');
}

/**
 * A bounded cache with two generations: entries go into the young map; when it is full it becomes
 * the old map and the previous old map is dropped. A hit in the old map moves the entry back to
 * the young one. Close to least-recently-used, at the cost of plain Map operations.
 */
export class NodeCache<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  readonly #generation: number;

  /** `capacity`: about how many entries are kept (between half of it and all of it). */
  constructor(capacity: number) {
    this.#generation = Math.max(16, Math.ceil(capacity / 2));
  }

  get(key: string): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    this.#young.set(key, value);
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }

  delete(key: string): void {
    this.#young.delete(key);
    this.#old.delete(key);
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
