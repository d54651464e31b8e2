import type { AccountState } from './account-state';

/** The kinds of change the journal records, one per mutation of EVM-visible state. */
export const Change = {
  Balance: 0,
  Nonce: 1,
  Code: 2,
  Storage: 3,
  Transient: 4,
  Exists: 5,
  Recreate: 6,
  Touch: 7,
  Destruct: 8,
  WarmAccount: 9,
  WarmSlot: 10,
  Refund: 11,
  Log: 12,
} as const;
export type ChangeKind = (typeof Change)[keyof typeof Change];

/** What an account looked like before it was created anew over an existing (empty) account. */
export interface RecreatedFrom {
  readonly exists: boolean;
  readonly storage: Map<bigint, bigint>;
  readonly committed: Map<bigint, bigint>;
  readonly storageKnownEmpty: boolean;
  readonly storageCleared: boolean;
  readonly blockSlots: Set<bigint>;
  readonly createdInTx: boolean;
}

/**
 * One journal entry: the kind, the account and slot it concerns, and the value before the change.
 * A single shape for every kind keeps the journal array monomorphic.
 */
export interface JournalEntry {
  readonly kind: ChangeKind;
  readonly account: AccountState | undefined;
  readonly slot: bigint;
  readonly prev: unknown;
}

/** The RIPEMD-160 precompile, whose touch survives a revert (see `undo`). */
const RIPEMD_ADDRESS = 3n;

/**
 * Undoes one entry. The one irregularity is consensus history: on mainnet a touch of the
 * RIPEMD-160 precompile inside a reverted call was kept (block 2675119), and the reference tests
 * and clients preserve that, so its touch is never undone.
 */
export function undo(entry: JournalEntry, refundAndLogs: { refund: number; logs: unknown[] }): void {
  const a = entry.account as AccountState;
  switch (entry.kind) {
    case Change.Balance:
      a.balance = entry.prev as bigint;
      return;
    case Change.Nonce:
      a.nonce = entry.prev as bigint;
      return;
    case Change.Code: {
      const prev = entry.prev as { hash: Uint8Array; code: Uint8Array | undefined; key: string | undefined; changed: boolean };
      a.codeHash = prev.hash;
      a.code = prev.code;
      a.codeKey = prev.key;
      a.codeChanged = prev.changed;
      return;
    }
    case Change.Storage:
      a.storage.set(entry.slot, entry.prev as bigint);
      return;
    case Change.Transient:
      a.transient!.set(entry.slot, entry.prev as bigint);
      return;
    case Change.Exists:
      a.exists = entry.prev as boolean;
      return;
    case Change.Recreate: {
      const prev = entry.prev as RecreatedFrom;
      a.exists = prev.exists;
      a.storage = prev.storage;
      a.committed = prev.committed;
      a.storageKnownEmpty = prev.storageKnownEmpty;
      a.storageCleared = prev.storageCleared;
      a.blockSlots = prev.blockSlots;
      a.createdInTx = prev.createdInTx;
      return;
    }
    case Change.Touch:
      if (a.address !== RIPEMD_ADDRESS) a.touched = false;
      return;
    case Change.Destruct:
      a.destructed = false;
      return;
    case Change.WarmAccount:
      a.warm = false;
      return;
    case Change.WarmSlot:
      a.warmSlots!.delete(entry.slot);
      return;
    case Change.Refund:
      refundAndLogs.refund = entry.prev as number;
      return;
    case Change.Log:
      refundAndLogs.logs.pop();
      return;
  }
}
