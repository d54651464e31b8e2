import { StoreClosedError, StoreUsageError } from './errors';
import type { KeyRange, KeyValueStore, WriteBatch } from './interfaces';
import { toBounds } from './range';

/** Keys as latin1 strings: one character per byte, so string order is unsigned byte order. */
function toText(key: Uint8Array): string {
  if (!(key instanceof Uint8Array)) throw new StoreUsageError('keys must be Uint8Array');
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
}

function fromText(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function checkValue(value: Uint8Array): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new StoreUsageError('values must be Uint8Array');
  return value.slice();
}

type Op = { readonly key: string; readonly value: Uint8Array | undefined };

/**
 * A `KeyValueStore` in memory, for tests and for state that need not outlive the process. Values
 * are copied on the way in and out, so callers never share buffers with the store.
 */
export class MemoryStore implements KeyValueStore {
  readonly #data = new Map<string, Uint8Array>();
  /** The keys in order, rebuilt on the first iteration after a write. */
  #sorted: string[] | undefined = [];
  #closed = false;

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    this.#checkOpen();
    return this.#data.get(toText(key))?.slice();
  }

  async getMany(keys: readonly Uint8Array[]): Promise<(Uint8Array | undefined)[]> {
    this.#checkOpen();
    return keys.map((key) => this.#data.get(toText(key))?.slice());
  }

  async put(key: Uint8Array, value: Uint8Array): Promise<void> {
    this.#checkOpen();
    this.#apply([{ key: toText(key), value: checkValue(value) }]);
  }

  async del(key: Uint8Array): Promise<void> {
    this.#checkOpen();
    this.#apply([{ key: toText(key), value: undefined }]);
  }

  batch(): WriteBatch {
    const ops: Op[] = [];
    let written = false;
    const store = this;
    return {
      put(key, value) {
        ops.push({ key: toText(key), value: checkValue(value) });
      },
      del(key) {
        ops.push({ key: toText(key), value: undefined });
      },
      get length() {
        return ops.length;
      },
      async write() {
        if (written) throw new StoreUsageError('a batch can be written only once');
        written = true;
        store.#checkOpen();
        store.#apply(ops);
      },
    };
  }

  iterate(range: KeyRange = {}): AsyncIterableIterator<[Uint8Array, Uint8Array]> {
    // The snapshot is taken now, as LevelDB's iterators take theirs when created; a closed
    // store fails on the first step, as LevelDB's do.
    return this.#entries(this.#closed ? undefined : this.#snapshot(range));
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /** The entries of `range` as they are now; values are never changed in place, so no copy is needed. */
  #snapshot(range: KeyRange): [string, Uint8Array][] {
    if (this.#sorted === undefined) this.#sorted = [...this.#data.keys()].sort();
    const keys = this.#sorted;
    const { lower, upper } = toBounds(range);
    const start = lower ? (lower.inclusive ? firstNotBelow(keys, toText(lower.key)) : firstAbove(keys, toText(lower.key))) : 0;
    const end = upper ? (upper.inclusive ? firstAbove(keys, toText(upper.key)) : firstNotBelow(keys, toText(upper.key))) : keys.length;
    const selected = range.reverse ? keys.slice(start, Math.max(start, end)).reverse() : keys.slice(start, Math.max(start, end));
    return selected.slice(0, range.limit ?? selected.length).map((key) => [key, this.#data.get(key)!]);
  }

  async *#entries(entries: [string, Uint8Array][] | undefined): AsyncGenerator<[Uint8Array, Uint8Array]> {
    this.#checkOpen();
    for (const [key, value] of entries ?? []) {
      this.#checkOpen();
      yield [fromText(key), value.slice()];
    }
  }

  #apply(ops: readonly Op[]): void {
    for (const { key, value } of ops) {
      if (value === undefined) {
        if (this.#data.delete(key)) this.#sorted = undefined;
      } else {
        if (!this.#data.has(key)) this.#sorted = undefined;
        this.#data.set(key, value);
      }
    }
  }

  #checkOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

/** The index of the first key not below `key` (binary search). */
function firstNotBelow(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first key above `key`. */
function firstAbove(keys: readonly string[], key: string): number {
  const i = firstNotBelow(keys, key);
  return i < keys.length && keys[i] === key ? i + 1 : i;
}
