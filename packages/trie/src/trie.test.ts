import { ValueError, bytesToHex, compareBytes, hexToBytes, keccak256, keccak256Js } from '@cairn/common';
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_TRIE_ROOT } from './empty-root';
import { SecureTrie } from './secure-trie';
import { Trie } from './trie';

const text = (s: string) => new TextEncoder().encode(s);

/** Keys over a few byte values, so that random sequences share prefixes, end inside others and repeat. */
const keyArb = fc.uint8Array({ minLength: 0, maxLength: 4 }).map((k) => k.map((b) => [0x00, 0x01, 0x10, 0x11, 0xf0, 0xff][b % 6]));
/** Short values produce inlined (under 32 bytes) nodes, long ones hashed nodes. */
const valueArb = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.uint8Array({ minLength: 30, maxLength: 70 }));
type Op = { kind: 'put'; key: Uint8Array; value: Uint8Array } | { kind: 'del'; key: Uint8Array } | { kind: 'root' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), key: keyArb, value: valueArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('del' as const), key: keyArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'root' as const }) },
);

async function apply(trie: Trie, ops: readonly Op[], model: Map<string, Uint8Array>): Promise<void> {
  for (const op of ops) {
    if (op.kind === 'root') trie.root();
    else if (op.kind === 'del') {
      await trie.del(op.key);
      model.delete(bytesToHex(op.key));
    } else {
      await trie.put(op.key, op.value);
      model.set(bytesToHex(op.key), op.value);
    }
  }
}

describe('Trie', () => {
  it('starts empty', async () => {
    const trie = new Trie();
    expect(trie.root()).toEqual(EMPTY_TRIE_ROOT);
    expect(await trie.get(text('a'))).toBeUndefined();
  });

  it('computes the roots of known tries', async () => {
    const trie = new Trie();
    for (const [k, v] of [['do', 'verb'], ['horse', 'stallion'], ['doge', 'coin'], ['dog', 'puppy']]) await trie.put(text(k), text(v));
    expect(bytesToHex(trie.root())).toBe('0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84');
    expect(await trie.get(text('doge'))).toEqual(text('coin'));
    expect(await trie.get(text('dogs'))).toBeUndefined();
    await trie.put(text('doge'), new Uint8Array(0));
    expect(await trie.get(text('doge'))).toBeUndefined();
  });

  it('returns to the empty root when every key is deleted', async () => {
    const trie = new Trie();
    await trie.put(text('a'), text('1'));
    await trie.put(text('ab'), text('2'));
    trie.root();
    await trie.del(text('a'));
    await trie.del(text('ab'));
    expect(trie.root()).toEqual(EMPTY_TRIE_ROOT);
  });

  it('refuses keys and values that are not bytes with ValueError, and leaves the trie as it was', async () => {
    const trie = new Trie();
    await trie.put(text('a'), text('1'));
    const root = trie.root();
    await expect(trie.put('a' as unknown as Uint8Array, text('2'))).rejects.toBeInstanceOf(ValueError);
    await expect(trie.put(text('a'), 'x' as unknown as Uint8Array)).rejects.toBeInstanceOf(ValueError);
    await expect(trie.get(7 as unknown as Uint8Array)).rejects.toBeInstanceOf(ValueError);
    await expect(trie.del(null as unknown as Uint8Array)).rejects.toBeInstanceOf(ValueError);
    expect(trie.root()).toEqual(root);
  });

  it('takes the hash function as an option', async () => {
    const wasm = new Trie();
    const js = new Trie({ hash: keccak256Js });
    for (let i = 0; i < 50; i++) {
      await wasm.put(keccak256(Uint8Array.of(i)), text(`value ${i}`.repeat(4)));
      await js.put(keccak256(Uint8Array.of(i)), text(`value ${i}`.repeat(4)));
    }
    expect(js.root()).toEqual(wasm.root());
  });

  it('agrees with @ethereumjs/mpt and with a trie built from the final contents, for random operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 60 }), async (ops) => {
        const trie = new Trie();
        const model = new Map<string, Uint8Array>();
        await apply(trie, ops, model);
        const peer = new MerklePatriciaTrie();
        const fresh = new Trie();
        for (const [k, v] of model) {
          await peer.put(hexToBytes(k), v);
          await fresh.put(hexToBytes(k), v);
        }
        expect(bytesToHex(trie.root())).toBe(bytesToHex(peer.root()));
        expect(bytesToHex(trie.root())).toBe(bytesToHex(fresh.root()));
        for (const op of ops) {
          if (op.kind === 'root') continue;
          const want = model.get(bytesToHex(op.key));
          expect(await trie.get(op.key)).toEqual(want);
        }
      }),
      { numRuns: 300, seed: 1186 },
    );
  });

  it('iterates in key order, in reverse and within bounds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), keyArb, keyArb, async (ops, a, b) => {
        const trie = new Trie();
        const model = new Map<string, Uint8Array>();
        await apply(trie, ops, model);
        const sorted = [...model.entries()].map(([k, v]) => [hexToBytes(k), v] as const).sort((x, y) => compareBytes(x[0], y[0]));
        const all: [Uint8Array, Uint8Array][] = [];
        for await (const entry of trie.entries()) all.push(entry);
        expect(all).toEqual(sorted.map(([k, v]) => [k, v]));
        const [from, to] = compareBytes(a, b) <= 0 ? [a, b] : [b, a];
        const bounded: Uint8Array[] = [];
        for await (const [k] of trie.entries({ from, to, reverse: true })) bounded.push(k);
        const expected = sorted.filter(([k]) => compareBytes(k, from) >= 0 && compareBytes(k, to) < 0).map(([k]) => k);
        expect(bounded).toEqual(expected.reverse());
      }),
      { numRuns: 200, seed: 1559 },
    );
  });
});

describe('SecureTrie', () => {
  it('hashes keys before they reach the trie', async () => {
    const secure = new SecureTrie();
    const plain = new Trie();
    await secure.put(text('dog'), text('puppy'));
    await plain.put(keccak256(text('dog')), text('puppy'));
    expect(secure.root()).toEqual(plain.root());
    expect(await secure.get(text('dog'))).toEqual(text('puppy'));
    await secure.del(text('dog'));
    expect(secure.root()).toEqual(EMPTY_TRIE_ROOT);
  });
});
