import type { BatchWriter, KeyRange, KeyValueBatcher, KeyValueIteratee, KeyValueReader, KeyValueStore, KeyValueWriter, WriteBatch } from './interfaces';

/**
 * The column a key lives in. Each segment is a one-byte key prefix, so that trie nodes, code,
 * headers and the rest can be iterated, pruned and copied apart within one store (and one atomic
 * batch can span several). The table is the single place where prefixes are given out.
 */
export interface SegmentId {
  readonly name: string;
  readonly prefix: number;
}

export const Segments = {
  /** Small records about the store itself: schema and mode flags. */
  metadata: { name: 'metadata', prefix: 0x00 },
  /** Trie nodes (state and storage tries) by hash. */
  trieNodes: { name: 'trieNodes', prefix: 0x01 },
  /** Contract code by hash. */
  code: { name: 'code', prefix: 0x02 },
  headers: { name: 'headers', prefix: 0x03 },
  bodies: { name: 'bodies', prefix: 0x04 },
  receipts: { name: 'receipts', prefix: 0x05 },
  /** Look-ups: block number to hash, transaction hash to location, and the like. */
  indexes: { name: 'indexes', prefix: 0x06 },
  /** What each block's state commit added and took out of the state, for pruning. */
  pruningJournal: { name: 'pruningJournal', prefix: 0x07 },
  /** How many places in retained state refer to each trie node and code, for pruning. */
  pruningCounts: { name: 'pruningCounts', prefix: 0x08 },
} as const satisfies Record<string, SegmentId>;

/** One segment's view of a store: the store's operations on keys without the prefix. */
export interface KeyValueSegment extends KeyValueReader, KeyValueWriter, KeyValueBatcher, KeyValueIteratee {
  readonly id: SegmentId;
  /** Puts and deletes of this segment into a batch of the whole store (for atomic writes across segments). */
  within(batch: BatchWriter): BatchWriter;
}

class SegmentView implements KeyValueSegment {
  constructor(
    private readonly store: KeyValueStore,
    readonly id: SegmentId,
  ) {}

  #key(key: Uint8Array): Uint8Array {
    const out = new Uint8Array(key.length + 1);
    out[0] = this.id.prefix;
    out.set(key, 1);
    return out;
  }

  get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.store.get(this.#key(key));
  }

  getMany(keys: readonly Uint8Array[]): Promise<(Uint8Array | undefined)[]> {
    return this.store.getMany(keys.map((key) => this.#key(key)));
  }

  put(key: Uint8Array, value: Uint8Array): Promise<void> {
    return this.store.put(this.#key(key), value);
  }

  del(key: Uint8Array): Promise<void> {
    return this.store.del(this.#key(key));
  }

  batch(): WriteBatch {
    const inner = this.store.batch();
    const writer = this.within(inner);
    return {
      put: writer.put,
      del: writer.del,
      get length() {
        return inner.length;
      },
      write: () => inner.write(),
    };
  }

  within(batch: BatchWriter): BatchWriter {
    return {
      put: (key, value) => batch.put(this.#key(key), value),
      del: (key) => batch.del(this.#key(key)),
    };
  }

  async *iterate(range: KeyRange = {}): AsyncIterableIterator<[Uint8Array, Uint8Array]> {
    const bound = (key: Uint8Array | undefined) => key && this.#key(key);
    const prefixed: KeyRange = {
      gt: bound(range.gt),
      gte: bound(range.gte),
      lt: bound(range.lt),
      lte: bound(range.lte),
      // Every key of the segment, narrowed further by the caller's prefix.
      prefix: this.#key(range.prefix ?? new Uint8Array(0)),
      reverse: range.reverse,
      limit: range.limit,
    };
    for await (const [key, value] of this.store.iterate(prefixed)) yield [key.subarray(1), value];
  }
}

/** The view of `store` restricted to one segment. */
export function segment(store: KeyValueStore, id: SegmentId): KeyValueSegment {
  return new SegmentView(store, id);
}
