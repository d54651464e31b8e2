import {
  bigintToFixedBytes,
  concatBytes,
  createForkRules,
  Fork,
  hexToBytes,
  keccak256,
  privateKeyToAddress,
  recoverPublicKey,
  SECP256K1_N,
  signHash,
} from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { createEcrecover } from './0x01-ecrecover';

const rules = createForkRules(Fork.Cancun, 1n);
const ecrecover = createEcrecover({ recoverPublicKey });
const word = (value: bigint) => bigintToFixedBytes(value, 32);
const key = hexToBytes('0x4646464646464646464646464646464646464646464646464646464646464646');
const hash = keccak256(new TextEncoder().encode('cairn precompiles'));

function input(h: Uint8Array, v: bigint, r: bigint, s: bigint): Uint8Array {
  return concatBytes(h, word(v), word(r), word(s));
}

function addressWord(address: Uint8Array): Uint8Array {
  return concatBytes(new Uint8Array(12), address);
}

describe('0x01 ecrecover', () => {
  it('recovers the signer of signHash for many keys, as a left-padded address word', () => {
    for (let i = 1; i <= 20; i++) {
      const k = keccak256(word(BigInt(i)));
      const sig = signHash(hash, k);
      const out = ecrecover.run(input(hash, 27n + BigInt(sig.yParity), sig.r, sig.s), rules);
      expect(out).toEqual(addressWord(privateKeyToAddress(k)));
    }
  });

  it('accepts the high-s twin of a signature (EIP-2 applies to transactions only)', () => {
    const sig = signHash(hash, key);
    const twin = input(hash, 28n - BigInt(sig.yParity), sig.r, SECP256K1_N - sig.s);
    expect(ecrecover.run(twin, rules)).toEqual(addressWord(privateKeyToAddress(key)));
  });

  it('matches the go-ethereum vectors (ValidKey and bad v words)', () => {
    const valid =
      '18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c000000000000000000000000000000000000000000000000000000000000001c73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75feeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549';
    expect(ecrecover.run(hexToBytes(`0x${valid}`), rules)).toEqual(hexToBytes('0x000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b'));
    // v with stray high bits: the whole word must equal 27 or 28.
    const highBits = [`${valid.slice(0, 64)}1${valid.slice(65)}`, `${valid.slice(0, 100)}1${valid.slice(101)}`];
    for (const bad of highBits) expect(ecrecover.run(hexToBytes(`0x${bad}`), rules)).toEqual(new Uint8Array(0));
  });

  it('returns an empty output (a success, not a failure) for every invalid signature', () => {
    const sig = signHash(hash, key);
    const cases = [
      input(hash, 26n, sig.r, sig.s),
      input(hash, 29n, sig.r, sig.s),
      input(hash, 0n, sig.r, sig.s),
      input(hash, 1n, sig.r, sig.s),
      input(hash, 27n, 0n, sig.s),
      input(hash, 27n, sig.r, 0n),
      input(hash, 27n, SECP256K1_N, sig.s),
      input(hash, 27n, sig.r, SECP256K1_N),
      input(hash, 27n, 2n ** 256n - 1n, sig.s),
      // r = 5 is the x coordinate of no curve point for one of the parities at least; try both.
      input(hash, 27n, 5n, 1n),
      input(hash, 28n, 5n, 1n),
      new Uint8Array(0),
      new Uint8Array(200),
    ];
    for (const c of cases) {
      const out = ecrecover.run(c, rules);
      expect(out).toBeInstanceOf(Uint8Array);
      expect(out!.length === 0 || out!.length === 32).toBe(true);
    }
    for (const c of cases.slice(0, 9)) expect(ecrecover.run(c, rules)).toEqual(new Uint8Array(0));
    expect(ecrecover.run(new Uint8Array(0), rules)).toEqual(new Uint8Array(0));
  });

  it('zero-pads short input and ignores bytes past 128', () => {
    const sig = signHash(hash, key);
    const full = input(hash, 27n + BigInt(sig.yParity), sig.r, sig.s);
    expect(ecrecover.run(concatBytes(full, hexToBytes('0xdeadbeef')), rules)).toEqual(addressWord(privateKeyToAddress(key)));
    for (const length of [0, 31, 64, 97, 100, 127]) {
      const padded = full.slice();
      padded.fill(0, length);
      expect(ecrecover.run(full.subarray(0, length), rules)).toEqual(ecrecover.run(padded, rules));
    }
  });

  it('returns an empty output for the go-ethereum unrecoverable-key vector', () => {
    const unrecoverable =
      '0xa8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281000000000000000000000000000000000000000000000000000000000000001b307835653165303366353363653138623737326363623030393366663731663366353366356337356237346463623331613835616138623838393262346538621122334455667788991011121314151617181920212223242526272829303132';
    expect(ecrecover.run(hexToBytes(unrecoverable), rules)).toEqual(new Uint8Array(0));
  });

  it('costs 3000 gas whatever the input', () => {
    expect(ecrecover.gas(new Uint8Array(0), rules)).toBe(3000n);
    expect(ecrecover.gas(new Uint8Array(1000), rules)).toBe(3000n);
  });
});
