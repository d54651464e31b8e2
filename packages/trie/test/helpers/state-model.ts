import { KECCAK256_EMPTY, bytesToHex, hexToBytes, keccak256, rlpEncode } from '@cairn/common';
import fc from 'fast-check';
import { encodeAccount } from '../../src/account';
import { SecureTrie } from '../../src/secure-trie';
import { slotKey } from '../../src/state/state-reader';
import type { AccountChange } from '../../src/state/types';

export interface ModelAccount {
  nonce: bigint;
  balance: bigint;
  codeHash: Uint8Array;
  storage: Map<bigint, bigint>;
}

/** The state as plain maps: what every root should read back as. */
export type Model = Map<string, ModelAccount>;

export const ADDRESSES = Array.from({ length: 8 }, (_, i) => new Uint8Array(20).fill(0x10 + i));
export const SLOTS = [0n, 1n, 2n, 3n, 1000n, (1n << 255n) + 7n];
export const CODES = [Uint8Array.of(0x60, 0x00), Uint8Array.of(0x60, 0x01, 0x60, 0x02), new Uint8Array(100).fill(0x5b)];

export function cloneModel(model: Model): Model {
  return new Map([...model].map(([k, a]) => [k, { ...a, storage: new Map(a.storage) }]));
}

/** The root of `model` computed from scratch with in-memory secure tries. */
export async function modelRoot(model: Model): Promise<Uint8Array> {
  const accounts = new SecureTrie();
  for (const [address, account] of model) {
    const storage = new SecureTrie();
    for (const [slot, value] of account.storage) await storage.put(slotKey(slot), rlpEncode(value));
    await accounts.put(hexToBytes(address), encodeAccount({ nonce: account.nonce, balance: account.balance, storageRoot: storage.root(), codeHash: account.codeHash }));
  }
  return accounts.root();
}

/** Applies changes to the model the way the world state must. */
export function applyToModel(model: Model, changes: readonly AccountChange[]): void {
  for (const change of changes) {
    const key = bytesToHex(change.address);
    if (change.account === null) {
      model.delete(key);
      continue;
    }
    const old = model.get(key);
    const storage = old && !change.storageCleared ? old.storage : new Map<bigint, bigint>();
    for (const [slot, value] of change.storage) {
      if (value === 0n) storage.delete(slot);
      else storage.set(slot, value);
    }
    model.set(key, { ...change.account, storage });
  }
}

export interface Intent {
  readonly index: number;
  readonly kind: 'update' | 'delete' | 'recreate';
  readonly nonce: bigint;
  readonly balance: bigint;
  readonly code: number;
  readonly storage: [bigint, bigint][];
}

/**
 * One block's intended changes: deletions, storage clears and re-creations, with values drawn
 * from small pools so that identical nodes and values recur. `toChanges` turns them into
 * changes that are valid against the state they are applied to.
 */
export function blockArb(maxAccounts = 4): fc.Arbitrary<Intent[]> {
  const slot = fc.constantFrom(...SLOTS);
  const value = fc.oneof(fc.constant(0n), fc.constantFrom(1n, 2n, 0xdeadbeefn), fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }));
  const intent = fc.record({
    index: fc.nat(ADDRESSES.length - 1),
    kind: fc.constantFrom('update' as const, 'update' as const, 'update' as const, 'delete' as const, 'recreate' as const),
    nonce: fc.bigInt({ min: 0n, max: 3n }),
    balance: fc.constantFrom(0n, 1n, 10n ** 18n),
    code: fc.constantFrom(-1, -1, 0, 1, 2),
    storage: fc.array(fc.tuple(slot, value), { maxLength: 5 }),
  });
  return fc.uniqueArray(intent, { selector: (c) => c.index, maxLength: maxAccounts });
}

export function toChanges(model: Model, intents: readonly Intent[]): AccountChange[] {
  return intents.map((c): AccountChange => {
    const address = ADDRESSES[c.index];
    const old = model.get(bytesToHex(address));
    if (c.kind === 'delete') return { address, account: null, storageCleared: true, storage: new Map() };
    const code = c.code >= 0 ? CODES[c.code] : undefined;
    const codeHash = code ? keccak256(code) : c.kind === 'recreate' ? KECCAK256_EMPTY : (old?.codeHash ?? KECCAK256_EMPTY);
    return { address, account: { nonce: c.nonce, balance: c.balance, codeHash }, storageCleared: c.kind === 'recreate', storage: new Map(c.storage), ...(code ? { code } : {}) };
  });
}
