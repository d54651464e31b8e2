import { KECCAK256_EMPTY, RlpError, ValueError, bytesToHex, hexToBytes, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { decodeAccount, emptyAccount, encodeAccount } from './account';
import { EMPTY_TRIE_ROOT } from './empty-root';

describe('account encoding', () => {
  it('round-trips and matches a known leaf value', () => {
    const account = { nonce: 1n, balance: 0x05f446a7n, storageRoot: EMPTY_TRIE_ROOT, codeHash: KECCAK256_EMPTY };
    const encoded = encodeAccount(account);
    // From TrieTests/hex_encoded_securetrie_test.json, test1.
    expect(bytesToHex(encoded)).toBe(
      '0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    );
    expect(decodeAccount(encoded)).toEqual(account);
    expect(decodeAccount(encodeAccount(emptyAccount()))).toEqual(emptyAccount());
  });

  it('refuses malformed accounts', () => {
    expect(() => decodeAccount(rlpEncode([1n, 2n, EMPTY_TRIE_ROOT]))).toThrow(RlpError);
    expect(() => decodeAccount(rlpEncode([1n, 2n, EMPTY_TRIE_ROOT, hexToBytes('0x1234')]))).toThrow(ValueError);
    expect(() => decodeAccount(rlpEncode([Uint8Array.of(0, 1), 2n, EMPTY_TRIE_ROOT, KECCAK256_EMPTY]))).toThrow(ValueError);
    expect(() => decodeAccount(hexToBytes('0xc0c0'))).toThrow(RlpError);
    expect(() => encodeAccount({ ...emptyAccount(), codeHash: new Uint8Array(31) })).toThrow(ValueError);
  });
});
