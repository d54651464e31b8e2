import { bytesToHex } from '@cairn/common';
import { MerklePatriciaTrie, createMerkleProof, verifyMPTWithMerkleProof } from '@ethereumjs/mpt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { InvalidProofError } from '../errors';
import { SecureTrie } from '../secure-trie';
import { Trie } from '../trie';
import { verifyProof } from '../verify-proof';

const keyArb = fc.uint8Array({ minLength: 1, maxLength: 4 }).map((k) => k.map((b) => [0x00, 0x01, 0x10, 0x11, 0xff][b % 5]));
const valueArb = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.uint8Array({ minLength: 32, maxLength: 60 }));
const entriesArb = fc.array(fc.tuple(keyArb, valueArb), { minLength: 1, maxLength: 40 });

async function build(entries: [Uint8Array, Uint8Array][]): Promise<{ trie: Trie; peer: MerklePatriciaTrie; model: Map<string, Uint8Array> }> {
  const trie = new Trie();
  const peer = new MerklePatriciaTrie();
  const model = new Map<string, Uint8Array>();
  for (const [k, v] of entries) {
    await trie.put(k, v);
    await peer.put(k, v);
    model.set(bytesToHex(k), v);
  }
  return { trie, peer, model };
}

describe('Merkle proofs', () => {
  it('prove the value of present keys and the absence of others, and agree with @ethereumjs/mpt', async () => {
    await fc.assert(
      fc.asyncProperty(entriesArb, fc.array(keyArb, { minLength: 1, maxLength: 8 }), async (entries, probes) => {
        const { trie, peer, model } = await build(entries);
        const root = trie.root();
        for (const key of [...entries.map(([k]) => k), ...probes]) {
          const proof = await trie.createProof(key);
          const expected = model.get(bytesToHex(key));
          expect(verifyProof(root, key, proof)).toEqual(expected);
          // Each side's proof verifies with the other side's verifier.
          expect((await verifyMPTWithMerkleProof(peer, root, key, proof)) ?? undefined).toEqual(expected);
          expect(verifyProof(root, key, await createMerkleProof(peer, key))).toEqual(expected);
        }
      }),
      { numRuns: 200, seed: 1186 },
    );
  });

  it('fail with InvalidProofError when a node is changed, dropped or the root is wrong', async () => {
    await fc.assert(
      fc.asyncProperty(entriesArb, fc.nat(), fc.nat(), async (entries, pick, bit) => {
        const { trie } = await build(entries);
        const root = trie.root();
        const [key] = entries[pick % entries.length];
        const proof = await trie.createProof(key);
        const at = pick % proof.length;
        const tampered = proof.map((node) => node.slice());
        tampered[at][bit % tampered[at].length] ^= 1 << (bit % 8);
        expect(() => verifyProof(root, key, tampered)).toThrow(InvalidProofError);
        expect(() => verifyProof(root, key, proof.filter((_, i) => i !== at))).toThrow(InvalidProofError);
        expect(() => verifyProof(root, key, [...proof, 'junk' as unknown as Uint8Array])).toThrow(InvalidProofError);
        expect(() => verifyProof(root, key, [Uint8Array.of(0xc0)])).toThrow(InvalidProofError);
        const otherRoot = root.slice();
        otherRoot[0] ^= 1;
        expect(() => verifyProof(otherRoot, key, proof)).toThrow(InvalidProofError);
      }),
      { numRuns: 300, seed: 2930 },
    );
  });

  it('prove absence in the empty trie with no nodes, and work on a secure trie with hashed keys', async () => {
    const empty = new Trie();
    expect(await empty.createProof(Uint8Array.of(1))).toEqual([]);
    expect(verifyProof(EMPTY_TRIE_ROOT, Uint8Array.of(1), [])).toBeUndefined();
    const secure = new SecureTrie();
    const key = Uint8Array.of(0xaa);
    await secure.put(key, Uint8Array.of(5));
    await secure.put(Uint8Array.of(0xbb), new Uint8Array(40).fill(1));
    expect(verifyProof(secure.root(), secure.trie.hash(key), await secure.createProof(key))).toEqual(Uint8Array.of(5));
  });
});
