import { bigintToFixedBytes, bytesToHex, keccak256 } from '@cairn/common';
import { MemoryStore, type SegmentId, Segments, segment } from '@cairn/storage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectState, reachable } from '../../test/helpers/state-contents';
import { type Intent, type Model, applyToModel, blockArb, cloneModel, toChanges } from '../../test/helpers/state-model';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { StateCommitError, StateNotAvailableError } from '../errors';
import { TrieNodeStore } from '../store/node-store';
import { WorldState } from '../state/world-state';

interface Block {
  readonly number: bigint;
  readonly hash: Uint8Array;
  readonly parent: Block | undefined;
  readonly root: Uint8Array;
  readonly model: Model;
}

type Step = { kind: 'extend'; intents: Intent[] } | { kind: 'fork'; intents: Intent[] } | { kind: 'reorg' };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: blockArb().map((intents) => ({ kind: 'extend' as const, intents })) },
  { weight: 1, arbitrary: blockArb().map((intents) => ({ kind: 'fork' as const, intents })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reorg' as const }) },
);

async function keys(store: MemoryStore, id: SegmentId): Promise<Set<string>> {
  const out = new Set<string>();
  for await (const [key] of segment(store, id).iterate()) out.add(bytesToHex(key));
  return out;
}

describe('state pruning', () => {
  it('refuses a commit whose base is not its parent block\'s root', async () => {
    const state = await WorldState.open(new MemoryStore(), { pruning: { enabled: true, blocksRetained: 4 } });
    const g = { number: 0n, hash: keccak256(Uint8Array.of(0)), parentHash: new Uint8Array(32) };
    const change = { address: new Uint8Array(20).fill(1), account: { nonce: 1n, balance: 1n, codeHash: keccak256(new Uint8Array(0)) }, storageCleared: false, storage: new Map() };
    const root = await state.commit(EMPTY_TRIE_ROOT, [change], { block: g });
    const b1 = { number: 1n, hash: keccak256(Uint8Array.of(1)), parentHash: g.hash };
    await expect(state.commit(EMPTY_TRIE_ROOT, [], { block: b1 })).rejects.toBeInstanceOf(StateCommitError);
    expect(bytesToHex(await state.commit(root, [], { block: b1 }))).toBe(bytesToHex(root));
    await state.close();
  });

  it('keeps a storage trie two accounts share until neither has it, and a node written again after it was pruned', async () => {
    const store = new MemoryStore();
    const state = await WorldState.open(store, { pruning: { enabled: true, blocksRetained: 1 } });
    const nodes = new TrieNodeStore(segment(store, Segments.trieNodes));
    const [a, b] = [new Uint8Array(20).fill(1), new Uint8Array(20).fill(2)];
    const account = { nonce: 1n, balance: 5n, codeHash: keccak256(new Uint8Array(0)) };
    const storage = new Map([[1n, 1n << 200n], [2n, 3n]]);
    let parent: { number: bigint; hash: Uint8Array; root: Uint8Array } = { number: -1n, hash: new Uint8Array(32), root: EMPTY_TRIE_ROOT };
    const block = async (changes: Parameters<WorldState['commit']>[1]) => {
      const hash = keccak256(bigintToFixedBytes(parent.number + 2n, 32));
      const root = await state.commit(parent.root, changes, { block: { number: parent.number + 1n, hash, parentHash: parent.hash } });
      parent = { number: parent.number + 1n, hash, root };
      await state.pruner!.idle();
      const expected = await reachable(nodes, root);
      expect(await keys(store, Segments.trieNodes)).toEqual(expected.nodes);
      return state.at(root);
    };
    await block([{ address: a, account, storageCleared: false, storage }, { address: b, account, storageCleared: false, storage }]);
    let reader = await block([{ address: a, account: null, storageCleared: true, storage: new Map() }]);
    expect(await reader.getStorage(b, 1n)).toBe(1n << 200n);
    reader = await block([{ address: b, account: null, storageCleared: true, storage: new Map() }]);
    expect(await keys(store, Segments.trieNodes)).toEqual(new Set());
    // The same account, storage and so the same nodes again, after all of them were deleted.
    reader = await block([{ address: a, account, storageCleared: false, storage }]);
    expect(await reader.getStorage(a, 2n)).toBe(3n);
    expect((await keys(store, Segments.trieNodes)).size).toBeGreaterThan(0);
    await state.close();
  });

  it('keeps exactly the state of retained roots, through side blocks and reorganisations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(stepArb, { minLength: 1, maxLength: 24 }), async (retained, steps) => {
        const store = new MemoryStore();
        const state = await WorldState.open(store, { cacheSize: 64, pruning: { enabled: true, blocksRetained: retained } });
        let counter = 0;
        const commit = async (parent: Block | undefined, intents: Intent[], head: boolean): Promise<Block> => {
          const model = cloneModel(parent?.model ?? new Map());
          const changes = toChanges(model, intents);
          const number = parent ? parent.number + 1n : 0n;
          const hash = keccak256(bigintToFixedBytes(BigInt(++counter), 32));
          const root = await state.commit(parent?.root ?? EMPTY_TRIE_ROOT, changes, { block: { number, hash, parentHash: parent?.hash ?? new Uint8Array(32) }, head });
          applyToModel(model, changes);
          return { number, hash, parent, root, model };
        };
        let head = await commit(undefined, [], true);
        const all: Block[] = [head];
        let side: Block | undefined;
        for (const step of steps) {
          if (step.kind === 'extend') {
            head = await commit(head, step.intents, true);
            all.push(head);
          } else if (step.kind === 'fork' && head.parent) {
            if (head.parent.number >= head.number - BigInt(retained) + 1n) {
              side = await commit(head.parent, step.intents, false);
              all.push(side);
            } else {
              // Its parent's state is no longer retained.
              await expect(commit(head.parent, step.intents, false)).rejects.toBeInstanceOf(StateNotAvailableError);
            }
          } else if (step.kind === 'reorg' && side && side.parent === head.parent) {
            await state.setHead(side.hash);
            [head, side] = [side, head];
          }
          await state.pruner!.idle();
          expect(state.pruner!.status().failure).toBeUndefined();
          // Retained: the last `retained` canonical blocks, and side blocks above the lowest of them.
          const lowest = head.number - BigInt(retained) + 1n;
          const canonical = new Set<Block>();
          for (let b: Block | undefined = head; b; b = b.parent) canonical.add(b);
          const kept = all.filter((b) => b.number >= lowest && (canonical.has(b) || b.number > lowest));
          const nodes = new TrieNodeStore(segment(store, Segments.trieNodes));
          const expected = { nodes: new Set<string>(), code: new Set<string>() };
          for (const block of kept) {
            await expectState(state.at(block.root), block.model);
            await reachable(nodes, block.root, expected);
          }
          // The empty state needs no nodes, so it never stops being readable.
          const keptRoots = new Set([...kept.map((b) => bytesToHex(b.root)), bytesToHex(EMPTY_TRIE_ROOT)]);
          for (const block of all) {
            if (block.number < lowest - 1n && !keptRoots.has(bytesToHex(block.root))) {
              await expect(state.at(block.root).getAccount(new Uint8Array(20))).rejects.toBeInstanceOf(StateNotAvailableError);
            }
          }
          expect(await keys(store, Segments.trieNodes)).toEqual(expected.nodes);
          expected.code.delete(bytesToHex(keccak256(new Uint8Array(0))));
          expect(await keys(store, Segments.code)).toEqual(expected.code);
        }
        await state.close();
      }),
      { numRuns: 60, seed: 1024 },
    );
  });
});
