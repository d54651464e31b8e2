import { KECCAK256_EMPTY, hexToBytes, keccak256, rlpEncode } from '@cairn/common';
import { MemoryStore, Segments, segment } from '@cairn/storage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { TrieNodeError } from '../errors';
import { WorldState } from '../state/world-state';
import { decodeNode } from './node-decoding';
import { NodeEncoder } from './node-encoding';

const hash = new Uint8Array(32).fill(1);

describe('decodeNode', () => {
  it('decodes what the encoder writes', () => {
    const leaf = rlpEncode([hexToBytes('0x20aabb'), new Uint8Array(40).fill(9)]);
    const node = decodeNode(leaf, keccak256(leaf));
    expect(new NodeEncoder(keccak256).encode({ ...node, encoded: undefined } as typeof node)).toEqual(leaf);
  });

  it.each([
    ['a byte string', '0x8180'],
    ['a list of three items', '0xc3808080'],
    ['a non-canonical single byte', '0xc3208101'],
    ['a leaf value that is a list', '0xc220c0'],
    ['a bad hex-prefix flag', '0xc24001'],
    ['an extension without a child', '0xc21080'],
    ['a child reference of 5 bytes', '0xc710850102030405'],
    ['trailing bytes', '0xc2200100'],
    ['a truncated list', '0xc520'],
    ['a long length under 56', '0xb80100'],
  ])('refuses %s with TrieNodeError', (_, hex) => {
    expect(() => decodeNode(hexToBytes(hex), hash)).toThrow(TrieNodeError);
  });

  it('never throws anything but TrieNodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        try {
          decodeNode(bytes, hash);
        } catch (error) {
          expect(error).toBeInstanceOf(TrieNodeError);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('surfaces a damaged node in the store as TrieNodeError when the state is read', async () => {
    const store = new MemoryStore();
    const state = await WorldState.open(store);
    const address = new Uint8Array(20).fill(5);
    const root = await state.commit(EMPTY_TRIE_ROOT, [{ address, account: { nonce: 1n, balance: 1n, codeHash: KECCAK256_EMPTY }, storageCleared: false, storage: new Map() }]);
    await segment(store, Segments.trieNodes).put(root, hexToBytes('0xc3808080'));
    const fresh = await WorldState.open(store);
    await expect(fresh.at(root).getAccount(address)).rejects.toBeInstanceOf(TrieNodeError);
  });
});
