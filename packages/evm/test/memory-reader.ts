import { bytesToHex, KECCAK256_EMPTY, keccak256 } from '@cairn/common';
import { EMPTY_TRIE_ROOT } from '../src/state/journaled-state';
import type { Account, StateReader } from '../src/state/reader';

interface Entry {
  nonce: bigint;
  balance: bigint;
  code: Uint8Array;
  storage: Map<bigint, bigint>;
}

/**
 * A plain in-memory state for the tests. Storage roots are not computed: a non-empty storage
 * reports a root that differs from the empty one (the keccak of its address), which is all the
 * EVM looks at.
 */
export class TestReader implements StateReader {
  readonly accounts = new Map<string, Entry>();
  private readonly codes = new Map<string, Uint8Array>();

  set(address: Uint8Array, fields: Partial<Entry>): void {
    const entry = { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map<bigint, bigint>(), ...fields };
    this.accounts.set(bytesToHex(address), entry);
    this.codes.set(bytesToHex(entry.code.length === 0 ? KECCAK256_EMPTY : keccak256(entry.code)), entry.code);
  }

  async getAccount(address: Uint8Array): Promise<Account | undefined> {
    const entry = this.accounts.get(bytesToHex(address));
    if (!entry) return undefined;
    return {
      nonce: entry.nonce,
      balance: entry.balance,
      codeHash: entry.code.length === 0 ? KECCAK256_EMPTY : keccak256(entry.code),
      storageRoot: entry.storage.size === 0 ? EMPTY_TRIE_ROOT : keccak256(address),
    };
  }

  async getStorage(address: Uint8Array, slot: bigint): Promise<bigint> {
    return this.accounts.get(bytesToHex(address))?.storage.get(slot) ?? 0n;
  }

  async getCode(codeHash: Uint8Array): Promise<Uint8Array> {
    const code = this.codes.get(bytesToHex(codeHash));
    if (!code) throw new Error(`no code for ${bytesToHex(codeHash)}`);
    return code;
  }
}
