import type { Address } from '@cairn/common';
import type { Account } from '@cairn/trie';

/**
 * The read side of a world state, as the EVM needs it: accounts, storage slots and code by hash.
 * A trie-backed world state, a remote state or a plain in-memory map can all stand behind it.
 */
export interface StateReader {
  getAccount(address: Address): Promise<Account | undefined>;
  getStorage(address: Address, slot: bigint): Promise<bigint>;
  getCode(codeHash: Uint8Array): Promise<Uint8Array>;
}

/**
 * What one transaction (or a block's worth of them) changed in one account, for the world state
 * to persist. `account: null` deletes the account and its storage. `storageCleared` means the
 * storage was wiped (the account was destroyed or created anew) before `storage` was written.
 * In `storage`, a zero value deletes the slot.
 */
export interface AccountChange {
  readonly address: Address;
  readonly account: { readonly nonce: bigint; readonly balance: bigint; readonly codeHash: Uint8Array } | null;
  readonly storageCleared: boolean;
  readonly storage: ReadonlyMap<bigint, bigint>;
  /** The new code, when the account's code was set. */
  readonly code?: Uint8Array;
}
