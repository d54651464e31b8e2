import { KECCAK256_EMPTY, bytesToHex, keccak256, rlpEncode } from '@cairn/common';
import { MemoryStore } from '@cairn/storage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Model, applyToModel, blockArb, cloneModel, modelRoot, toChanges } from '../../test/helpers/state-model';
import { expectState } from '../../test/helpers/state-contents';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { PruningError, StateCommitError, StateNotAvailableError, StateRootMismatchError } from '../errors';
import { verifyProof } from '../verify-proof';
import { slotKey } from './state-reader';
import { WorldState } from './world-state';

const address = (n: number) => new Uint8Array(20).fill(n);

describe('WorldState', () => {
  it('commits random blocks to the same roots as tries built from scratch, and reads every root back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(blockArb(), { minLength: 1, maxLength: 8 }), async (blocks) => {
        const state = await WorldState.open(new MemoryStore(), { cacheSize: 64 });
        let root = EMPTY_TRIE_ROOT;
        const model: Model = new Map();
        const history: [Uint8Array, Model][] = [];
        for (const intents of blocks) {
          const changes = toChanges(model, intents);
          root = await state.commit(root, changes);
          applyToModel(model, changes);
          expect(bytesToHex(root)).toBe(bytesToHex(await modelRoot(model)));
          history.push([root, cloneModel(model)]);
        }
        for (const [r, m] of history) await expectState(state.at(r), m);
      }),
      { numRuns: 60, seed: 161 },
    );
  });

  it('stores code by hash and returns empty code for the empty hash', async () => {
    const state = await WorldState.open(new MemoryStore());
    const code = Uint8Array.of(0x60, 0x2a);
    const root = await state.commit(EMPTY_TRIE_ROOT, [{ address: address(1), account: { nonce: 1n, balance: 0n, codeHash: keccak256(code) }, storageCleared: false, storage: new Map([[1n, 5n]]), code }]);
    const reader = state.at(root);
    expect(await reader.getCode(keccak256(code))).toEqual(code);
    expect(await reader.getCode(KECCAK256_EMPTY)).toEqual(new Uint8Array(0));
    expect(await reader.getStorage(address(1), 1n)).toBe(5n);
    expect(await reader.getStorage(address(1), 2n)).toBe(0n);
    expect(await reader.getStorage(address(2), 1n)).toBe(0n);
    await expect(reader.getCode(new Uint8Array(32).fill(9))).rejects.toBeInstanceOf(StateNotAvailableError);
  });

  it('refuses inconsistent changes without writing anything', async () => {
    const store = new MemoryStore();
    const state = await WorldState.open(store);
    const ok = { nonce: 0n, balance: 1n, codeHash: KECCAK256_EMPTY };
    const cases = [
      [{ address: address(1), account: ok, storageCleared: false, storage: new Map() }, { address: address(1), account: ok, storageCleared: false, storage: new Map() }],
      [{ address: address(1), account: null, storageCleared: false, storage: new Map([[1n, 1n]]) }],
      [{ address: address(1), account: { ...ok, codeHash: keccak256(Uint8Array.of(1)) }, storageCleared: false, storage: new Map(), code: Uint8Array.of(2) }],
      [{ address: address(1), account: { ...ok, codeHash: keccak256(Uint8Array.of(1)) }, storageCleared: false, storage: new Map() }],
      [{ address: new Uint8Array(19), account: ok, storageCleared: false, storage: new Map() }],
      [{ address: address(1), account: ok, storageCleared: false, storage: new Map([[1n, 1n << 256n]]) }],
    ];
    for (const changes of cases) await expect(state.commit(EMPTY_TRIE_ROOT, changes)).rejects.toBeInstanceOf(StateCommitError);
    let written = 0;
    for await (const _ of store.iterate()) written++;
    expect(written).toBe(1); // only the pruning-mode flag
  });

  it('reports an unknown root with StateNotAvailableError, on reads and on commits', async () => {
    const state = await WorldState.open(new MemoryStore());
    const unknown = new Uint8Array(32).fill(3);
    await expect(state.at(unknown).getAccount(address(1))).rejects.toBeInstanceOf(StateNotAvailableError);
    await expect(state.commit(unknown, [{ address: address(1), account: null, storageCleared: true, storage: new Map() }])).rejects.toBeInstanceOf(StateNotAvailableError);
    expect(await state.at(EMPTY_TRIE_ROOT).getAccount(address(1))).toBeUndefined();
  });

  it('keeps the pruning mode a store was created with', async () => {
    const store = new MemoryStore();
    await WorldState.open(store);
    await expect(WorldState.open(store, { pruning: { enabled: true } })).rejects.toBeInstanceOf(PruningError);
    const pruned = new MemoryStore();
    const state = await WorldState.open(pruned, { pruning: { enabled: true } });
    await expect(state.commit(EMPTY_TRIE_ROOT, [])).rejects.toBeInstanceOf(StateCommitError);
    await state.close();
    await expect(WorldState.open(pruned)).rejects.toBeInstanceOf(PruningError);
  });
});

describe('WorldState commits joined with the caller\'s batch', () => {
  const funded = (n: number) => ({ address: address(n), account: { nonce: 0n, balance: BigInt(n), codeHash: KECCAK256_EMPTY }, storageCleared: false, storage: new Map([[1n, BigInt(n)]]) });
  const count = async (store: MemoryStore) => {
    let entries = 0;
    for await (const _ of store.iterate()) entries++;
    return entries;
  };

  it('computes the root a commit would give without writing anything', async () => {
    const store = new MemoryStore();
    const state = await WorldState.open(store);
    const before = await count(store);
    const predicted = await state.root(EMPTY_TRIE_ROOT, [funded(1), funded(2)]);
    expect(await count(store)).toBe(before);
    await expect(state.at(predicted).getAccount(address(1))).rejects.toBeInstanceOf(StateNotAvailableError);
    expect(bytesToHex(await state.commit(EMPTY_TRIE_ROOT, [funded(1), funded(2)]))).toBe(bytesToHex(predicted));
    expect((await state.at(predicted).getAccount(address(2)))?.balance).toBe(2n);
  });

  it('writes the caller\'s records in the same batch, and nothing at all when the root is not the expected one', async () => {
    for (const pruning of [false, true]) {
      const store = new MemoryStore();
      const state = await WorldState.open(store, { pruning: { enabled: pruning } });
      const block = { number: 0n, hash: new Uint8Array(32).fill(1), parentHash: new Uint8Array(32) };
      const before = await count(store);
      const wrong = store.batch();
      wrong.put(Uint8Array.of(0xff), Uint8Array.of(1));
      const mismatch = state.commit(EMPTY_TRIE_ROOT, [funded(1)], { batch: wrong, block, expectedRoot: new Uint8Array(32) });
      await expect(mismatch).rejects.toBeInstanceOf(StateRootMismatchError);
      await expect(mismatch).rejects.toMatchObject({ actual: await state.root(EMPTY_TRIE_ROOT, [funded(1)]) });
      expect(await count(store)).toBe(before);
      expect(state.pruner?.status().writtenSeq ?? 0n).toBe(0n);

      const batch = store.batch();
      batch.put(Uint8Array.of(0xff), Uint8Array.of(2));
      const expected = await state.root(EMPTY_TRIE_ROOT, [funded(1)]);
      expect(await state.commit(EMPTY_TRIE_ROOT, [funded(1)], { batch, block, expectedRoot: expected })).toEqual(expected);
      expect(await store.get(Uint8Array.of(0xff))).toEqual(Uint8Array.of(2));
      expect((await state.at(expected).getAccount(address(1)))?.balance).toBe(1n);
      expect(state.pruner?.status().writtenSeq ?? 1n).toBe(1n);
      await state.close();
    }
  });
});

describe('StoredState.getProof', () => {
  it('gives EIP-1186 proofs that verify against the state root and the storage root', async () => {
    const state = await WorldState.open(new MemoryStore());
    const changes = [1, 2, 3].map((n) => ({ address: address(n), account: { nonce: BigInt(n), balance: 10n, codeHash: KECCAK256_EMPTY }, storageCleared: false, storage: new Map([[BigInt(n), 7n]]) }));
    const root = await state.commit(EMPTY_TRIE_ROOT, changes);
    const proof = await state.at(root).getProof(address(2), [2n, 5n]);
    expect(proof.account?.nonce).toBe(2n);
    const leaf = verifyProof(root, keccak256(address(2)), proof.accountProof);
    expect(leaf).toBeDefined();
    expect(verifyProof(proof.storageHash, keccak256(slotKey(2n)), proof.storageProof[0].proof)).toEqual(rlpEncode(7n));
    expect(proof.storageProof.map((p) => p.value)).toEqual([7n, 0n]);
    expect(verifyProof(proof.storageHash, keccak256(slotKey(5n)), proof.storageProof[1].proof)).toBeUndefined();
    const absent = await state.at(root).getProof(address(9), [1n]);
    expect(absent.account).toBeUndefined();
    expect(verifyProof(root, keccak256(address(9)), absent.accountProof)).toBeUndefined();
    expect(bytesToHex(absent.storageHash)).toBe(bytesToHex(EMPTY_TRIE_ROOT));
  });
});
