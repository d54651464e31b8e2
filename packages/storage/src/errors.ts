import { CairnError } from '@cairn/common';

/** A storage failure; the subclasses say which. */
export class StorageError extends CairnError {}

/** The store was closed (by `close()`) before or during the operation. */
export class StoreClosedError extends StorageError {
  constructor(message = 'the key-value store is closed') {
    super('STORE_CLOSED', message);
  }
}

/** Another process (or another handle in this one) holds the store's lock. */
export class StoreLockedError extends StorageError {
  constructor(location: string, options?: { cause?: unknown }) {
    super('STORE_LOCKED', `the key-value store at ${location} is locked: is another Cairn process using it?`, options);
  }
}

/** The store's files are damaged and cannot be read. */
export class StoreCorruptError extends StorageError {
  constructor(location: string, detail: string, options?: { cause?: unknown }) {
    super('STORE_CORRUPT', `the key-value store at ${location} is corrupt: ${detail}`, options);
  }
}

/** The store could not be opened for another reason (permissions, not a directory, …). */
export class StoreOpenError extends StorageError {
  constructor(location: string, detail: string, options?: { cause?: unknown }) {
    super('STORE_OPEN_FAILED', `cannot open the key-value store at ${location}: ${detail}`, options);
  }
}

/** A call that breaks the interface's rules: a batch written twice, a key that is not bytes. */
export class StoreUsageError extends StorageError {
  constructor(message: string) {
    super('STORE_MISUSE', message);
  }
}
