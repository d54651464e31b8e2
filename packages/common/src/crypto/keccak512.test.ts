import { bytesToHex } from '../bytes/hex';
import { describe, expect, it } from 'vitest';
import { keccak512, keccak512Js } from './keccak';

describe('keccak-512', () => {
  it('hashes the empty string to the Keccak (not SHA3) value', () => {
    const expected = '0x0eab42de4c3ceb9235fc91acffe746b29c29a8c366b7c60e4e67c466f36a4304c00fa9caf9d87976ba469bcbe06713b435f091ef2769fb160cdab33d3670680e';
    expect(bytesToHex(keccak512(new Uint8Array(0)))).toBe(expected);
    expect(bytesToHex(keccak512Js(new Uint8Array(0)))).toBe(expected);
  });

  it('gives the same digest on both backends around the 72-byte rate', () => {
    for (const length of [1, 32, 40, 64, 71, 72, 73, 144, 1000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(keccak512(data)).toEqual(keccak512Js(data));
    }
  });
});
