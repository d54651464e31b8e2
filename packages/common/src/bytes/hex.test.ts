import { describe, expect, it } from 'vitest';
import { HexError } from '../errors';
import { bigintToHex, bytesToHex, hexToBigInt, hexToBytes, isHex } from './hex';

describe('hex', () => {
  it('round-trips bytes', () => {
    const bytes = Uint8Array.from([0, 1, 0x7f, 0x80, 0xff]);
    expect(bytesToHex(bytes)).toBe('0x00017f80ff');
    expect(hexToBytes('0x00017F80ff')).toEqual(bytes);
    expect(hexToBytes('0x')).toEqual(new Uint8Array(0));
  });

  it('rejects malformed hex with a typed error', () => {
    expect(() => hexToBytes('00')).toThrow(HexError);
    expect(() => hexToBytes('0x0')).toThrow(/odd number/);
    expect(() => hexToBytes('0xzz')).toThrow(/invalid hex character/);
    expect(() => hexToBytes(42 as unknown as string)).toThrow(HexError);
  });

  it('encodes quantities minimally', () => {
    expect(bigintToHex(0n)).toBe('0x0');
    expect(bigintToHex(255n)).toBe('0xff');
    expect(hexToBigInt('0x')).toBe(0n);
    expect(hexToBigInt('0x00ff')).toBe(255n);
    expect(() => bigintToHex(-1n)).toThrow(HexError);
    expect(() => hexToBigInt('12')).toThrow(HexError);
    expect(isHex('0xabc')).toBe(true);
    expect(isHex('abc')).toBe(false);
  });
});
