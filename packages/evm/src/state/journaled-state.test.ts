import { bytesToHex, hexToBytes, KECCAK256_EMPTY } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { JournaledState } from './journaled-state';
import { MemoryState } from './memory-state';

const A = hexToBytes('0x00000000000000000000000000000000000000aa');
const B = hexToBytes('0x00000000000000000000000000000000000000bb');
const key = (address: Uint8Array) => JournaledState.addressKey(address);

async function setup() {
  const world = new MemoryState();
  world.setAccount(A, { balance: 100n, nonce: 1n, storage: new Map([[1n, 11n]]) });
  const state = new JournaledState(world);
  return { world, state, a: await state.load(key(A)), b: await state.load(key(B)) };
}

describe('JournaledState', () => {
  it('reads accounts, absent accounts and storage through the reader', async () => {
    const { state, a, b } = await setup();
    expect(a.exists && a.balance === 100n && a.nonce === 1n).toBe(true);
    expect(b.exists).toBe(false);
    expect(state.slot(a, 1n)).toBeUndefined(); // not loaded yet: the account has storage
    await state.loadSlot(a, 1n);
    expect(state.slot(a, 1n)).toBe(11n);
    expect(state.slot(b, 1n)).toBe(0n); // known empty, answered without the reader
  });

  it('reverts every kind of change to a checkpoint, and keeps changes before it', async () => {
    const { state, a, b } = await setup();
    await state.loadSlot(a, 1n);
    state.setBalance(a, 90n);
    const checkpoint = state.checkpoint();
    state.setBalance(a, 50n);
    state.setNonce(a, 2n);
    state.setStorage(a, 1n, 12n);
    state.transientSet(a, 5n, 6n);
    state.warmAccount(b);
    state.warmSlot(a, 1n);
    state.addRefund(4800);
    state.addLog({ address: A, topics: [], data: new Uint8Array(0) });
    state.setBalance(b, 10n);
    state.setCode(b, Uint8Array.of(0x00));
    expect(b.exists).toBe(true);
    state.revert(checkpoint);
    expect(a.balance).toBe(90n);
    expect(a.nonce).toBe(1n);
    expect(state.slot(a, 1n)).toBe(11n);
    expect(state.transientGet(a, 5n)).toBe(0n);
    expect(b.warm).toBe(false);
    expect(a.warmSlots?.has(1n)).toBe(false);
    expect(state.refund).toBe(0);
    expect(state.logs).toHaveLength(0);
    expect(b.exists).toBe(false);
    expect(bytesToHex(b.codeHash)).toBe(bytesToHex(KECCAK256_EMPTY));
  });

  it('ends a transaction: touched empty accounts and destroyed ones go, per-transaction state resets', async () => {
    const { state, a, b } = await setup();
    state.markExists(b); // touched and empty
    state.warmAccount(a);
    state.transientSet(a, 1n, 1n);
    state.finishTransaction(true);
    expect(b.exists).toBe(false);
    expect(a.warm).toBe(false);
    expect(state.transientGet(a, 1n)).toBe(0n);
    state.destruct(a);
    state.finishTransaction(true);
    expect(a.exists).toBe(false);
    expect(state.changes().find((c) => bytesToHex(c.address) === bytesToHex(A))?.account).toBeNull();
  });

  it('keeps empty touched accounts before EIP-161', async () => {
    const { state, b } = await setup();
    state.markExists(b);
    state.finishTransaction(false);
    expect(b.exists).toBe(true);
    expect(state.changes().find((c) => bytesToHex(c.address) === bytesToHex(B))?.account).toEqual({ nonce: 0n, balance: 0n, codeHash: KECCAK256_EMPTY });
  });

  it('moves the committed (original) slot value forward between transactions', async () => {
    const { state, a } = await setup();
    await state.loadSlot(a, 1n);
    state.setStorage(a, 1n, 12n);
    expect(state.committedSlot(a, 1n)).toBe(11n);
    state.finishTransaction(true);
    expect(state.committedSlot(a, 1n)).toBe(12n);
  });

  it('emits changes that the world state applies to the same root as a fresh build', async () => {
    const { world, state, a, b } = await setup();
    await state.loadSlot(a, 1n);
    state.setStorage(a, 1n, 0n);
    state.setStorage(a, 2n, 22n);
    state.setBalance(b, 5n);
    state.finishTransaction(true);
    world.commit(state.changes());
    const expected = new MemoryState();
    expected.setAccount(A, { balance: 100n, nonce: 1n, storage: new Map([[2n, 22n]]) });
    expected.setAccount(B, { balance: 5n });
    expect(bytesToHex(await world.root())).toBe(bytesToHex(await expected.root()));
  });
});
