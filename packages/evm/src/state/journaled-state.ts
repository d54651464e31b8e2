import { bigintToFixedBytes, bytesToBigInt, bytesToHex, EMPTY_BYTES, equalBytes, type Hash256, KECCAK256_EMPTY, keccak256 } from '@cairn/common';
import { EMPTY_TRIE_ROOT } from '@cairn/trie';
import { AccountState } from './account-state';
import { Change, type JournalEntry, type RecreatedFrom, undo } from './journal';
import type { AccountChange, AccountReader } from './reader';

/** A log entry emitted by LOG0..LOG4. */
export interface Log {
  readonly address: Uint8Array;
  readonly topics: readonly Uint8Array[];
  readonly data: Uint8Array;
}

/**
 * The EVM's view of the world state during a block: accounts and slots are read once through an
 * `AccountReader` (the world state) and then kept, every change is recorded in one journal
 * (balances, nonces, code, storage, transient storage, warm sets, refunds, logs), and `changes()`
 * gives what the block changed for the world state to persist.
 *
 * Reads are split in two so the interpreter stays synchronous on the hot path: `get`/`slot`
 * answer from what is loaded, and `load`/`loadSlot`/`loadCode` fetch the rest asynchronously.
 * A checkpoint is the journal's length; reverting undoes the entries after it in reverse, and
 * committing a frame needs no work at all (its entries simply stay).
 */
export class JournaledState {
  private readonly accounts = new Map<bigint, AccountState>();
  private readonly codeByHash = new Map<string, Uint8Array>();
  private journal: JournalEntry[] = [];
  private readonly dirty = new Set<AccountState>();
  private txAccounts: AccountState[] = [];
  private txId = 0;
  /** Tracer hook for storage writes, set by the EVM only for the duration of a traced run. */
  storageObserver: ((address: Uint8Array, slot: bigint, previous: bigint, value: bigint) => void) | undefined = undefined;
  /** Refund counter (may dip below zero inside a transaction under EIP-1283/2200) and logs. */
  readonly counters: { refund: number; logs: Log[] } = { refund: 0, logs: [] };

  constructor(
    private readonly reader: AccountReader,
    private readonly hasher: Hash256 = keccak256,
  ) {}

  // ---- reading ----

  /** The account if it has been loaded (present or not in the state), else `undefined`. */
  get(address: bigint): AccountState | undefined {
    return this.accounts.get(address);
  }

  async load(address: bigint): Promise<AccountState> {
    const cached = this.accounts.get(address);
    if (cached) return cached;
    const found = await this.reader.getAccount(bigintToFixedBytes(address, 20));
    // Another load of the same address may have finished while this one waited.
    const raced = this.accounts.get(address);
    if (raced) return raced;
    const account = found
      ? new AccountState(address, found.nonce, found.balance, found.codeHash, true, equalBytes(found.storageRoot, EMPTY_TRIE_ROOT))
      : new AccountState(address, 0n, 0n, KECCAK256_EMPTY, false, true);
    this.accounts.set(address, account);
    return account;
  }

  /** The current value of a slot if known without reading the state, else `undefined`. */
  slot(account: AccountState, slot: bigint): bigint | undefined {
    const value = account.storage.get(slot);
    if (value !== undefined || !account.storageKnownEmpty) return value;
    account.storage.set(slot, 0n);
    account.committed.set(slot, 0n);
    return 0n;
  }

  async loadSlot(account: AccountState, slot: bigint): Promise<void> {
    const value = await this.reader.getStorage(account.addressBytes, slot);
    if (account.storage.has(slot) || account.storageKnownEmpty) return;
    account.storage.set(slot, value);
    account.committed.set(slot, value);
  }

  /** A slot's value at the start of the transaction; the slot must have been read first. */
  committedSlot(account: AccountState, slot: bigint): bigint {
    return account.committed.get(slot) ?? 0n;
  }

  async loadCode(account: AccountState): Promise<Uint8Array> {
    if (account.code !== undefined) return account.code;
    const key = account.getCodeKey();
    let code = this.codeByHash.get(key);
    if (code === undefined) {
      code = await this.reader.getCode(account.codeHash);
      this.codeByHash.set(key, code);
    }
    account.code = code;
    return code;
  }

  // ---- the journal ----

  checkpoint(): number {
    return this.journal.length;
  }

  /** Undoes every change made since `checkpoint`. */
  revert(checkpoint: number): void {
    const journal = this.journal;
    for (let i = journal.length - 1; i >= checkpoint; i--) undo(journal[i], this.counters);
    journal.length = checkpoint;
  }

  private record(kind: JournalEntry['kind'], account: AccountState | undefined, slot: bigint, prev: unknown): void {
    this.journal.push({ kind, account, slot, prev });
  }

  private register(account: AccountState): void {
    if (account.txMark !== this.txId) {
      account.txMark = this.txId;
      this.txAccounts.push(account);
    }
  }

  private modified(account: AccountState): void {
    this.dirty.add(account);
    this.touch(account);
  }

  // ---- changes ----

  /** Marks an account touched (EIP-161): at the end of the transaction it is removed if empty. */
  touch(account: AccountState): void {
    if (account.touched) return;
    this.register(account);
    this.record(Change.Touch, account, 0n, false);
    account.touched = true;
  }

  setBalance(account: AccountState, balance: bigint): void {
    this.record(Change.Balance, account, 0n, account.balance);
    account.balance = balance;
    if (!account.exists) this.markExists(account);
    this.modified(account);
  }

  setNonce(account: AccountState, nonce: bigint): void {
    this.record(Change.Nonce, account, 0n, account.nonce);
    account.nonce = nonce;
    if (!account.exists) this.markExists(account);
    this.modified(account);
  }

  setCode(account: AccountState, code: Uint8Array): void {
    this.record(Change.Code, account, 0n, { hash: account.codeHash, code: account.code, key: account.codeKey, changed: account.codeChanged });
    account.codeHash = code.length === 0 ? KECCAK256_EMPTY : this.hasher(code);
    account.code = code;
    account.codeKey = undefined;
    account.codeChanged = true;
    this.modified(account);
  }

  setStorage(account: AccountState, slot: bigint, value: bigint): void {
    const previous = account.storage.get(slot) ?? 0n;
    this.record(Change.Storage, account, slot, previous);
    if (this.storageObserver !== undefined) this.storageObserver(account.addressBytes, slot, previous, value);
    account.storage.set(slot, value);
    account.txSlots.add(slot);
    account.blockSlots.add(slot);
    this.register(account);
    this.dirty.add(account);
  }

  /** Brings an absent account into existence, empty (a value transfer or call to it). */
  markExists(account: AccountState): void {
    if (account.exists) return;
    this.record(Change.Exists, account, 0n, false);
    account.exists = true;
    this.modified(account);
  }

  /**
   * Creates a contract account at `account`'s address: it exists, is marked created in this
   * transaction, and any storage it had is wiped (creation over a balance-only account).
   */
  createAccount(account: AccountState): void {
    const prev: RecreatedFrom = {
      exists: account.exists,
      storage: account.storage,
      committed: account.committed,
      storageKnownEmpty: account.storageKnownEmpty,
      storageCleared: account.storageCleared,
      blockSlots: account.blockSlots,
      createdInTx: account.createdInTx,
    };
    this.record(Change.Recreate, account, 0n, prev);
    this.register(account);
    account.exists = true;
    account.createdInTx = true;
    if (!account.storageKnownEmpty || account.storage.size > 0) {
      account.storage = new Map();
      account.committed = new Map();
      account.storageKnownEmpty = true;
      account.storageCleared = true;
      account.blockSlots = new Set();
    }
    this.modified(account);
  }

  /** Schedules the account's deletion at the end of the transaction (SELFDESTRUCT). */
  destruct(account: AccountState): boolean {
    if (account.destructed) return false;
    this.register(account);
    this.record(Change.Destruct, account, 0n, false);
    account.destructed = true;
    this.dirty.add(account);
    return true;
  }

  /** Marks the account warm (EIP-2929); returns whether it was cold. */
  warmAccount(account: AccountState): boolean {
    if (account.warm) return false;
    this.register(account);
    this.record(Change.WarmAccount, account, 0n, false);
    account.warm = true;
    return true;
  }

  /** Marks a slot warm (EIP-2929); returns whether it was cold. */
  warmSlot(account: AccountState, slot: bigint): boolean {
    let slots = account.warmSlots;
    if (slots === undefined) {
      this.register(account);
      slots = account.warmSlots = new Set();
    } else if (slots.has(slot)) return false;
    this.record(Change.WarmSlot, account, slot, false);
    slots.add(slot);
    return true;
  }

  /** TLOAD (EIP-1153). */
  transientGet(account: AccountState, slot: bigint): bigint {
    return account.transient?.get(slot) ?? 0n;
  }

  /** TSTORE (EIP-1153). */
  transientSet(account: AccountState, slot: bigint, value: bigint): void {
    let map = account.transient;
    if (map === undefined) {
      this.register(account);
      map = account.transient = new Map();
    }
    this.record(Change.Transient, account, slot, map.get(slot) ?? 0n);
    map.set(slot, value);
  }

  get refund(): number {
    return this.counters.refund;
  }

  addRefund(delta: number): void {
    this.record(Change.Refund, undefined, 0n, this.counters.refund);
    this.counters.refund += delta;
  }

  addLog(log: Log): void {
    this.record(Change.Log, undefined, 0n, undefined);
    this.counters.logs.push(log);
  }

  get logs(): readonly Log[] {
    return this.counters.logs;
  }

  // ---- transaction and block boundaries ----

  /**
   * Ends a transaction: destroyed accounts are deleted, and with `deleteEmptyTouched` (EIP-161)
   * so are touched accounts left empty; committed slot values move forward, and the journal,
   * warm sets, transient storage, refund counter and logs start afresh.
   */
  finishTransaction(deleteEmptyTouched: boolean): void {
    for (const account of this.txAccounts) {
      if (account.destructed || (deleteEmptyTouched && account.touched && account.exists && account.isEmpty())) this.delete(account);
      for (const slot of account.txSlots) account.committed.set(slot, account.storage.get(slot) ?? 0n);
      account.txSlots.clear();
      account.warm = false;
      account.warmSlots = undefined;
      account.transient = undefined;
      account.touched = false;
      account.destructed = false;
      account.createdInTx = false;
    }
    this.txAccounts = [];
    this.journal = [];
    this.counters.refund = 0;
    this.counters.logs = [];
    this.txId++;
  }

  /** Abandons a transaction that could not be finished: every change since it began is undone. */
  abortTransaction(): void {
    this.revert(0);
    this.finishTransaction(false);
  }

  private delete(account: AccountState): void {
    account.exists = false;
    account.nonce = 0n;
    account.balance = 0n;
    account.codeHash = KECCAK256_EMPTY;
    account.code = EMPTY_BYTES;
    account.codeKey = undefined;
    account.codeChanged = false;
    account.storage = new Map();
    account.committed = new Map();
    account.txSlots = new Set();
    account.storageKnownEmpty = true;
    account.storageCleared = true;
    account.blockSlots = new Set();
    this.dirty.add(account);
  }

  /** Everything changed since this state was created, one entry per account, for the world state. */
  changes(): AccountChange[] {
    const out: AccountChange[] = [];
    for (const account of this.dirty) {
      if (!account.exists) {
        if (account.existedInBase) out.push({ address: account.addressBytes, account: null, storageCleared: true, storage: new Map() });
        continue;
      }
      const storage = new Map<bigint, bigint>();
      for (const slot of account.blockSlots) storage.set(slot, account.storage.get(slot) ?? 0n);
      out.push({
        address: account.addressBytes,
        account: { nonce: account.nonce, balance: account.balance, codeHash: account.codeHash },
        storageCleared: account.storageCleared,
        storage,
        ...(account.codeChanged ? { code: account.code } : {}),
      });
    }
    return out;
  }

  /** The address of an account as bytes, for results and errors. */
  static addressHex(address: bigint): string {
    return bytesToHex(bigintToFixedBytes(address, 20));
  }

  /** The bigint form of a 20-byte address, as the interpreter keys accounts. */
  static addressKey(address: Uint8Array): bigint {
    return bytesToBigInt(address);
  }
}
