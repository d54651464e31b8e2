import { bytesToHex, createForkRules, Fork } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { sha256 } from './0x02-sha256';
import { ripemd160 } from './0x03-ripemd160';
import { identity } from './0x04-identity';

const rules = createForkRules(Fork.Frontier, 1n);
const text = (s: string) => new TextEncoder().encode(s);

describe('0x02 SHA-256', () => {
  it('hashes (FIPS 180-2 vectors)', () => {
    expect(bytesToHex(sha256.run(new Uint8Array(0), rules)!)).toBe('0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(bytesToHex(sha256.run(text('abc'), rules)!)).toBe('0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('costs 60 + 12 per started word', () => {
    expect([0, 1, 32, 33, 64].map((n) => sha256.gas(new Uint8Array(n), rules))).toEqual([60n, 72n, 72n, 84n, 84n]);
  });
});

describe('0x03 RIPEMD-160', () => {
  it('hashes into the low 20 bytes of a word (RIPEMD-160 reference vectors)', () => {
    expect(bytesToHex(ripemd160.run(new Uint8Array(0), rules)!)).toBe('0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31');
    expect(bytesToHex(ripemd160.run(text('abc'), rules)!)).toBe('0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc');
  });

  it('costs 600 + 120 per started word', () => {
    expect([0, 1, 32, 33].map((n) => ripemd160.gas(new Uint8Array(n), rules))).toEqual([600n, 720n, 720n, 840n]);
  });
});

describe('0x04 identity', () => {
  it('returns a copy of its input', () => {
    const input = text('hello precompile');
    const out = identity.run(input, rules)!;
    expect(out).toEqual(input);
    out[0] = 0;
    expect(input[0]).toBe(0x68);
    expect(identity.run(new Uint8Array(0), rules)).toEqual(new Uint8Array(0));
  });

  it('costs 15 + 3 per started word', () => {
    expect([0, 1, 32, 33, 1024].map((n) => identity.gas(new Uint8Array(n), rules))).toEqual([15n, 18n, 18n, 21n, 111n]);
  });
});
