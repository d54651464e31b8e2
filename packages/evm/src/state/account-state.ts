import { bigintToFixedBytes, bytesToHex, EMPTY_BYTES, KECCAK256_EMPTY } from '@cairn/common';

/**
 * The EVM's working copy of one account during a block: its fields, the storage slots read or
 * written so far, and the per-transaction flags (warm, touched, destroyed…). Every change to it
 * goes through `JournaledState`, which records the previous value so that a call frame can be
 * reverted. Addresses are bigints inside the EVM (the stack holds them so); bytes at the edges.
 */
export class AccountState {
  readonly address: bigint;
  readonly addressBytes: Uint8Array;
  /** Present in the state (possibly empty). False for an account never created or deleted. */
  exists: boolean;
  /** Whether it existed in the state the block started from (decides whether a deletion matters). */
  readonly existedInBase: boolean;
  nonce: bigint;
  balance: bigint;
  codeHash: Uint8Array;
  /** The code, once loaded; `undefined` until then. */
  code: Uint8Array | undefined;
  /** Key of the code in the program cache (the code hash in hex), computed on first use. */
  codeKey: string | undefined = undefined;

  /** Current value of every slot read or written. */
  storage = new Map<bigint, bigint>();
  /** Value of each slot at the start of the current transaction (EIP-1283/2200 "original"). */
  committed = new Map<bigint, bigint>();
  /** Slots not in `storage` are zero without asking the reader (empty storage root, or wiped). */
  storageKnownEmpty: boolean;
  /** The storage was wiped during this block (destroyed, or created over an existing account). */
  storageCleared = false;
  /** Slots written during this block, to report as changes. */
  blockSlots = new Set<bigint>();
  /** Slots written during this transaction, whose committed value moves forward at its end. */
  txSlots = new Set<bigint>();
  codeChanged = false;

  // Per-transaction flags, reset when the transaction ends.
  warm = false;
  warmSlots: Set<bigint> | undefined = undefined;
  transient: Map<bigint, bigint> | undefined = undefined;
  touched = false;
  destructed = false;
  createdInTx = false;
  /** The transaction (by sequence number) that last registered this account for end-of-tx work. */
  txMark = -1;

  constructor(address: bigint, nonce: bigint, balance: bigint, codeHash: Uint8Array, exists: boolean, storageKnownEmpty: boolean) {
    this.address = address;
    this.addressBytes = bigintToFixedBytes(address, 20);
    this.exists = exists;
    this.existedInBase = exists;
    this.nonce = nonce;
    this.balance = balance;
    this.codeHash = codeHash;
    this.code = hasNoCode(codeHash) ? EMPTY_BYTES : undefined;
    this.storageKnownEmpty = storageKnownEmpty;
  }

  /** EIP-161 emptiness: no nonce, no balance, no code. */
  isEmpty(): boolean {
    return this.nonce === 0n && this.balance === 0n && hasNoCode(this.codeHash);
  }

  /** "Dead" in EIP-161 terms: absent or empty. */
  isDead(): boolean {
    return !this.exists || this.isEmpty();
  }

  /** Whether any storage slot may be non-zero: the state said so, or a slot now holds a value. */
  hasStorage(): boolean {
    if (!this.storageKnownEmpty) return true;
    for (const value of this.storage.values()) if (value !== 0n) return true;
    return false;
  }

  hasCode(): boolean {
    return !hasNoCode(this.codeHash);
  }

  getCodeKey(): string {
    if (this.codeKey === undefined) this.codeKey = bytesToHex(this.codeHash);
    return this.codeKey;
  }
}

/** Whether a code hash is the hash of empty code. */
export function hasNoCode(codeHash: Uint8Array): boolean {
  if (codeHash === KECCAK256_EMPTY) return true;
  for (let i = 0; i < 32; i++) if (codeHash[i] !== KECCAK256_EMPTY[i]) return false;
  return true;
}
