/**
 * The storage interfaces, from narrow to wide, so that each consumer asks only for what it uses:
 * a trie reads nodes (`KeyValueReader`) and writes them in batches (`KeyValueBatcher`); a pruner
 * also iterates. `KeyValueStore` combines them with `close()`; adapters implement it.
 * Keys and values are byte strings; keys sort as unsigned bytes, shorter first on a tie.
 */

export interface KeyValueReader {
  /** The value at `key`, or undefined. */
  get(key: Uint8Array): Promise<Uint8Array | undefined>;
  /** The values at `keys`, in the same order, undefined where absent. */
  getMany(keys: readonly Uint8Array[]): Promise<(Uint8Array | undefined)[]>;
}

export interface KeyValueWriter {
  put(key: Uint8Array, value: Uint8Array): Promise<void>;
  /** Removes `key`; removing an absent key is not an error. */
  del(key: Uint8Array): Promise<void>;
}

/** Writes collected in memory and applied atomically: all of them or, on failure, none. */
export interface WriteBatch extends BatchWriter {
  /** How many operations the batch holds. */
  readonly length: number;
  /** Applies the batch. A batch is written once; writing it again throws `StoreUsageError`. */
  write(): Promise<void>;
}

/** The synchronous half of a batch: where puts and deletes are collected. */
export interface BatchWriter {
  put(key: Uint8Array, value: Uint8Array): void;
  del(key: Uint8Array): void;
}

export interface KeyValueBatcher {
  batch(): WriteBatch;
}

/** A key range: bounds (any combination), or a prefix; `limit` caps the number of entries. */
export interface KeyRange {
  readonly gt?: Uint8Array;
  readonly gte?: Uint8Array;
  readonly lt?: Uint8Array;
  readonly lte?: Uint8Array;
  /** Only keys that start with these bytes (combined with any bounds). */
  readonly prefix?: Uint8Array;
  readonly reverse?: boolean;
  readonly limit?: number;
}

export interface KeyValueIteratee {
  /**
   * The entries in `range`, in key order (or reverse), as of the moment the iteration starts:
   * writes made while it runs are not seen. Break out of the loop to stop early.
   */
  iterate(range?: KeyRange): AsyncIterableIterator<[Uint8Array, Uint8Array]>;
}

/** Everything a store offers. Operations after `close()` reject with `StoreClosedError`. */
export interface KeyValueStore extends KeyValueReader, KeyValueWriter, KeyValueBatcher, KeyValueIteratee {
  /** Releases the store (and its lock); calling it again does nothing. */
  close(): Promise<void>;
}
