import { ClassicLevel } from 'classic-level';
import { StorageError, StoreClosedError, StoreCorruptError, StoreLockedError, StoreOpenError, StoreUsageError } from './errors';
import type { KeyRange, KeyValueStore, WriteBatch } from './interfaces';
import { toBounds } from './range';

/** LevelDB tuning, passed to classic-level. */
export interface LevelDbOptions {
  /** LevelDB's block cache in bytes (default 64 MiB). */
  readonly cacheSize?: number;
  /** The size a memtable reaches before it is written to disk (default 16 MiB). */
  readonly writeBufferSize?: number;
}

type Db = ClassicLevel<Uint8Array, Uint8Array>;
type Op = { type: 'put'; key: Uint8Array; value: Uint8Array } | { type: 'del'; key: Uint8Array };

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}

/** classic-level hands out Buffers; callers get plain Uint8Array views (no copy), whose `slice` copies. */
function plain(bytes: Uint8Array): Uint8Array;
function plain(bytes: Uint8Array | undefined): Uint8Array | undefined;
function plain(bytes: Uint8Array | undefined): Uint8Array | undefined {
  return bytes === undefined ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const NOT_OPEN = new Set(['LEVEL_DATABASE_NOT_OPEN', 'LEVEL_ITERATOR_NOT_OPEN', 'LEVEL_BATCH_NOT_OPEN']);

/**
 * The embedded default store: LevelDB through classic-level. Its own failures become typed
 * errors: a lock held by another process `StoreLockedError`, damaged files `StoreCorruptError`,
 * use after `close()` `StoreClosedError`.
 */
export class LevelDbStore implements KeyValueStore {
  #closed = false;

  private constructor(
    private readonly db: Db,
    readonly location: string,
  ) {}

  /** Opens (creating when missing) the store in the directory `location`. */
  static async open(location: string, options: LevelDbOptions = {}): Promise<LevelDbStore> {
    const db: Db = new ClassicLevel<Uint8Array, Uint8Array>(location, {
      keyEncoding: 'view',
      valueEncoding: 'view',
      cacheSize: options.cacheSize ?? 64 * 1024 * 1024,
      writeBufferSize: options.writeBufferSize ?? 16 * 1024 * 1024,
    });
    try {
      await db.open();
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      const message = (cause as Error).message ?? String(cause);
      if (codeOf(cause) === 'LEVEL_LOCKED') throw new StoreLockedError(location, { cause });
      if (codeOf(cause) === 'LEVEL_CORRUPTION' || /corrupt/i.test(message)) throw new StoreCorruptError(location, message, { cause });
      throw new StoreOpenError(location, message, { cause });
    }
    return new LevelDbStore(db, location);
  }

  get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.#run(async () => plain(await this.db.get(key)));
  }

  getMany(keys: readonly Uint8Array[]): Promise<(Uint8Array | undefined)[]> {
    return this.#run(async () => (await this.db.getMany(keys as Uint8Array[])).map((value) => plain(value)));
  }

  put(key: Uint8Array, value: Uint8Array): Promise<void> {
    return this.#run(() => this.db.put(key, value));
  }

  del(key: Uint8Array): Promise<void> {
    return this.#run(() => this.db.del(key));
  }

  batch(): WriteBatch {
    const ops: Op[] = [];
    let written = false;
    return {
      // Copies, so that a caller reusing its buffers before `write()` cannot change the batch.
      put: (key, value) => void ops.push({ type: 'put', key: key.slice(), value: value.slice() }),
      del: (key) => void ops.push({ type: 'del', key: key.slice() }),
      get length() {
        return ops.length;
      },
      write: () => {
        if (written) return Promise.reject(new StoreUsageError('a batch can be written only once'));
        written = true;
        return this.#run(() => this.db.batch(ops));
      },
    };
  }

  iterate(range: KeyRange = {}): AsyncIterableIterator<[Uint8Array, Uint8Array]> {
    return this.#iterate(range);
  }

  /** Compacts the whole key space, so that deleted entries stop taking disk space. */
  compact(): Promise<void> {
    return this.#run(() => this.db.compactRange(new Uint8Array(0), new Uint8Array(64).fill(0xff)));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.db.close();
  }

  async *#iterate(range: KeyRange): AsyncGenerator<[Uint8Array, Uint8Array]> {
    if (this.#closed) throw new StoreClosedError();
    const { lower, upper } = toBounds(range);
    const options: Record<string, unknown> = { reverse: range.reverse ?? false, limit: range.limit ?? -1 };
    if (lower) options[lower.inclusive ? 'gte' : 'gt'] = lower.key;
    if (upper) options[upper.inclusive ? 'lte' : 'lt'] = upper.key;
    const iterator = this.#guard(() => this.db.iterator(options));
    try {
      for (;;) {
        const entries = await this.#run(() => iterator.nextv(256));
        if (entries.length === 0) return;
        for (const [key, value] of entries) yield [plain(key), plain(value)];
      }
    } finally {
      await iterator.close().catch(() => {});
    }
  }

  #guard<T>(operation: () => T): T {
    if (this.#closed) throw new StoreClosedError();
    try {
      return operation();
    } catch (error) {
      throw this.#translate(error);
    }
  }

  async #run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StoreClosedError();
    try {
      return await operation();
    } catch (error) {
      throw this.#translate(error);
    }
  }

  #translate(error: unknown): Error {
    const code = codeOf(error);
    if ((code !== undefined && NOT_OPEN.has(code)) || this.#closed) return new StoreClosedError();
    const message = (error as Error).message ?? String(error);
    if (code === 'LEVEL_CORRUPTION' || /corrupt/i.test(message)) return new StoreCorruptError(this.location, message, { cause: error });
    if (error instanceof StorageError) return error;
    return new StorageError('STORE_IO', `LevelDB at ${this.location}: ${message}`, { cause: error });
  }
}
