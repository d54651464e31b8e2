import type { BatchWriter, KeyRange, KeyValueStore, WriteBatch } from '@cairn/storage';

/** A store's operations handed through unchanged; the two views below override batching. */
abstract class StoreView implements KeyValueStore {
  constructor(protected readonly inner: KeyValueStore) {}

  get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.inner.get(key);
  }

  getMany(keys: readonly Uint8Array[]): Promise<(Uint8Array | undefined)[]> {
    return this.inner.getMany(keys);
  }

  iterate(range?: KeyRange): AsyncIterableIterator<[Uint8Array, Uint8Array]> {
    return this.inner.iterate(range);
  }

  put(key: Uint8Array, value: Uint8Array): Promise<void> {
    return this.inner.put(key, value);
  }

  del(key: Uint8Array): Promise<void> {
    return this.inner.del(key);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  abstract batch(): WriteBatch;
}

/** A batch whose operations go to `target`; writing it does nothing more. */
function forwardingBatch(target: BatchWriter): WriteBatch {
  let length = 0;
  return {
    put: (key, value) => {
      length++;
      target.put(key, value);
    },
    del: (key) => {
      length++;
      target.del(key);
    },
    get length() {
      return length;
    },
    write: async () => {},
  };
}

/**
 * A view of a store whose batches, while `join` runs, are not written on their own but added to
 * an outer batch. The world state commits a block's state through it, so that the state and the
 * block's records land in the one atomic batch the chain writes.
 */
export class JoinedBatchStore extends StoreView {
  #outer: BatchWriter | undefined;

  async join<T>(outer: BatchWriter, run: () => Promise<T>): Promise<T> {
    this.#outer = outer;
    try {
      return await run();
    } finally {
      this.#outer = undefined;
    }
  }

  batch(): WriteBatch {
    return this.#outer === undefined ? this.inner.batch() : forwardingBatch(this.#outer);
  }
}

/**
 * A view of a store whose writes are thrown away: a world state over it computes roots of
 * states it never keeps (the per-transaction roots of receipts before Byzantium).
 */
export class ScratchStore extends StoreView {
  override async put(): Promise<void> {}

  override async del(): Promise<void> {}

  batch(): WriteBatch {
    return forwardingBatch({ put: () => {}, del: () => {} });
  }
}
