import { bytesToHex, hexToBytes } from '@cairn/common';
import { LevelDbStore, MemoryStore, Segments, segment } from '@cairn/storage';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countPlaces } from '../../test/helpers/walk-nodes';
import { MissingNodeError } from '../errors';
import { Trie } from '../trie';
import { TrieNodeStore } from './node-store';

const keyArb = fc.uint8Array({ minLength: 1, maxLength: 3 }).map((k) => k.map((b) => [0x00, 0x01, 0x10, 0xab, 0xff][b % 5]));
const valueArb = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 3 }), fc.uint8Array({ minLength: 33, maxLength: 50 }));
type Op = { kind: 'put'; key: Uint8Array; value: Uint8Array } | { kind: 'del'; key: Uint8Array } | { kind: 'persist' } | { kind: 'reopen' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), key: keyArb, value: valueArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('del' as const), key: keyArb }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'persist' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

const dir = mkdtempSync(join(tmpdir(), 'cairn-trie-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a trie persisted to a key-value store', () => {
  it('reopens at any committed root, and its inserted and removed records count every stored place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 50 }), async (ops) => {
        const store = new MemoryStore();
        const nodes = () => new TrieNodeStore(segment(store, Segments.trieNodes), { cacheSize: 32 });
        let trie = new Trie({ nodes: nodes() });
        const model = new Map<string, Uint8Array>();
        const places = new Map<string, number>();
        const record = (hash: Uint8Array, delta: number) => {
          const key = bytesToHex(hash);
          const count = (places.get(key) ?? 0) + delta;
          expect(count).toBeGreaterThanOrEqual(0);
          if (count === 0) places.delete(key);
          else places.set(key, count);
        };
        const persist = async () => {
          const batch = store.batch();
          const commit = trie.commit(segment(store, Segments.trieNodes).within(batch));
          await batch.write();
          for (const { hash } of commit.inserted) record(hash, 1);
          for (const hash of commit.removed) record(hash, -1);
          return commit.root;
        };
        for (const op of ops) {
          if (op.kind === 'put') {
            await trie.put(op.key, op.value);
            model.set(bytesToHex(op.key), op.value);
          } else if (op.kind === 'del') {
            await trie.del(op.key);
            model.delete(bytesToHex(op.key));
          } else if (op.kind === 'persist') {
            await persist();
          } else {
            trie = new Trie({ nodes: nodes(), root: await persist() });
          }
        }
        const root = await persist();
        const reopened = new Trie({ nodes: nodes(), root });
        const fresh = new Trie();
        for (const [k, v] of model) {
          await fresh.put(hexToBytes(k), v);
          expect(await reopened.get(hexToBytes(k))).toEqual(v);
        }
        expect(bytesToHex(root)).toBe(bytesToHex(fresh.root()));
        const walked = await countPlaces(nodes(), root);
        expect(Object.fromEntries(places)).toEqual(Object.fromEntries(walked));
      }),
      { numRuns: 250, seed: 4844 },
    );
  });

  it('writes each commit as one LevelDB batch and reads it back after the store is reopened', async () => {
    const location = join(dir, 'trie');
    let store = await LevelDbStore.open(location);
    const trie = new Trie({ nodes: new TrieNodeStore(segment(store, Segments.trieNodes)) });
    for (let i = 0; i < 500; i++) await trie.put(Uint8Array.of(i >> 8, i & 255, 7), new Uint8Array(40).fill(i & 255));
    const batch = store.batch();
    const { root, inserted } = trie.commit(segment(store, Segments.trieNodes).within(batch));
    expect(batch.length).toBe(inserted.length);
    expect(inserted.length).toBeGreaterThan(500);
    await batch.write();
    await store.close();
    store = await LevelDbStore.open(location);
    const reopened = new Trie({ nodes: new TrieNodeStore(segment(store, Segments.trieNodes)), root });
    for (let i = 0; i < 500; i += 37) expect(await reopened.get(Uint8Array.of(i >> 8, i & 255, 7))).toEqual(new Uint8Array(40).fill(i & 255));
    let count = 0;
    for await (const _ of reopened.entries()) count++;
    expect(count).toBe(500);
    await store.close();
  });

  it('persist() writes its own batch and goes on reading through the node store', async () => {
    const store = new MemoryStore();
    const trie = new Trie({ nodes: new TrieNodeStore(segment(store, Segments.trieNodes), { cacheSize: 16 }) });
    const plain = new Trie();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 60; i++) {
        const key = Uint8Array.of(i, round % 2);
        const value = new Uint8Array(20 + i).fill(round + 1);
        await trie.put(key, value);
        await plain.put(key, value);
      }
      await trie.del(Uint8Array.of(round, 0));
      await plain.del(Uint8Array.of(round, 0));
      expect(bytesToHex(await trie.persist())).toBe(bytesToHex(plain.root()));
    }
    expect(await trie.get(Uint8Array.of(10, 1))).toEqual(new Uint8Array(30).fill(4));
  });

  it('reports a node missing from the store with MissingNodeError', async () => {
    const store = new MemoryStore();
    const nodes = new TrieNodeStore(segment(store, Segments.trieNodes));
    const trie = new Trie({ nodes, root: new Uint8Array(32).fill(7) });
    await expect(trie.get(Uint8Array.of(1))).rejects.toBeInstanceOf(MissingNodeError);
    expect(() => new Trie({ root: new Uint8Array(32).fill(7) })).toThrow(MissingNodeError);
  });
});
