import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors';
import { bigintToBytes, bigintToFixedBytes, bytesToBigInt, bytesToUint, compareBytes, concatBytes, equalBytes, padLeft } from './bytes';

describe('bytes', () => {
  it('converts integers both ways', () => {
    for (const v of [0n, 1n, 255n, 256n, 2n ** 64n - 1n, 2n ** 255n + 12345n, 2n ** 256n - 1n]) {
      expect(bytesToBigInt(bigintToBytes(v))).toBe(v);
      expect(bytesToBigInt(bigintToFixedBytes(v, 32))).toBe(v);
    }
    expect(bigintToBytes(0n)).toEqual(new Uint8Array(0));
    expect(bigintToBytes(0x1234n)).toEqual(Uint8Array.from([0x12, 0x34]));
    expect(() => bigintToBytes(-1n)).toThrow(ValueError);
    expect(() => bigintToFixedBytes(2n ** 64n, 8)).toThrow(/does not fit/);
  });

  it('reads canonical integers strictly', () => {
    expect(bytesToUint(Uint8Array.from([1, 0]))).toBe(256n);
    expect(() => bytesToUint(Uint8Array.from([0, 1]), 32, 'nonce')).toThrow(/nonce has a leading zero/);
    expect(() => bytesToUint(new Uint8Array(9).fill(1), 8, 'gas')).toThrow(/wider than 8/);
  });

  it('compares, concatenates and pads', () => {
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
    expect(compareBytes(Uint8Array.of(1), Uint8Array.of(1, 0))).toBeLessThan(0);
    expect(compareBytes(Uint8Array.of(2), Uint8Array.of(1, 9))).toBeGreaterThan(0);
    expect(concatBytes(Uint8Array.of(1), Uint8Array.of(), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
    expect(padLeft(Uint8Array.of(7), 3)).toEqual(Uint8Array.of(0, 0, 7));
    expect(() => padLeft(Uint8Array.of(1, 2), 1)).toThrow(ValueError);
  });
});
