import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes/hex';
import { SignatureError } from '../errors';
import { ripemd160, sha256 } from './hashes';
import { KECCAK256_EMPTY, keccak256, keccak256Js } from './keccak';
import { SECP256K1_HALF_N, SECP256K1_N, ecdhSharedX, privateKeyToPublicKey, recoverPublicKey, signHash, verifySignature } from './secp256k1';

const text = (s: string) => new TextEncoder().encode(s);

describe('hashes', () => {
  it('computes known digests', () => {
    expect(bytesToHex(KECCAK256_EMPTY)).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(bytesToHex(keccak256(text('abc')))).toBe('0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
    expect(bytesToHex(sha256(text('abc')))).toBe('0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(bytesToHex(ripemd160(text('abc')))).toBe('0x8eb208f7e05d987a9b044a8e98c6b087f15a0bfc');
  });

  it('has the WebAssembly and JavaScript keccak agree on every length up to three blocks', () => {
    for (let n = 0; n < 3 * 136 + 2; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(keccak256(data)).toEqual(keccak256Js(data));
    }
  });
});

describe('secp256k1', () => {
  const key = hexToBytes('0x4646464646464646464646464646464646464646464646464646464646464646');
  const hash = keccak256(text('cairn'));

  it('signs with low s and recovers the signer', () => {
    const sig = signHash(hash, key);
    expect(sig.s <= SECP256K1_HALF_N).toBe(true);
    expect(recoverPublicKey(hash, sig)).toEqual(privateKeyToPublicKey(key));
    expect(verifySignature(hash, sig, privateKeyToPublicKey(key))).toBe(true);
    expect(verifySignature(keccak256(text('other')), sig, privateKeyToPublicKey(key))).toBe(false);
  });

  it('recovers from the high-s twin (the precompile accepts it)', () => {
    const sig = signHash(hash, key);
    const twin = { r: sig.r, s: SECP256K1_N - sig.s, yParity: 1 - sig.yParity };
    expect(recoverPublicKey(hash, twin)).toEqual(privateKeyToPublicKey(key));
  });

  it('rejects out-of-range signatures and keys with typed errors', () => {
    expect(() => recoverPublicKey(hash, { r: 0n, s: 1n, yParity: 0 })).toThrow(SignatureError);
    expect(() => recoverPublicKey(hash, { r: 1n, s: SECP256K1_N, yParity: 0 })).toThrow(SignatureError);
    expect(() => recoverPublicKey(hash, { r: 1n, s: 1n, yParity: 2 })).toThrow(SignatureError);
    expect(() => privateKeyToPublicKey(new Uint8Array(32))).toThrow(SignatureError);
    expect(() => privateKeyToPublicKey(new Uint8Array(31))).toThrow(/32 bytes/);
  });

  it('agrees on an ECDH secret from both sides', () => {
    const other = hexToBytes('0x0101010101010101010101010101010101010101010101010101010101010101');
    expect(ecdhSharedX(key, privateKeyToPublicKey(other))).toEqual(ecdhSharedX(other, privateKeyToPublicKey(key)));
  });
});
