import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes/hex';
import { RlpError } from '../errors';
import { asBytes, asList, asUint } from './fields';
import { rlpDecode, rlpDecodeStream, rlpEncode } from './rlp';

describe('rlp', () => {
  it('encodes the Yellow Paper examples', () => {
    const dog = new TextEncoder().encode('dog');
    expect(rlpEncode(dog)).toEqual(hexToBytes('0x83646f67'));
    expect(rlpEncode([])).toEqual(hexToBytes('0xc0'));
    expect(rlpEncode(0n)).toEqual(hexToBytes('0x80'));
    expect(rlpEncode(1024n)).toEqual(hexToBytes('0x820400'));
    expect(rlpEncode([[], [[]], [[], [[]]]])).toEqual(hexToBytes('0xc7c0c1c0c3c0c1c0'));
  });

  it('round-trips nested lists', () => {
    const value = [Uint8Array.of(1), [Uint8Array.of(), new Uint8Array(60).fill(9)], Uint8Array.of(0x80)];
    expect(rlpDecode(rlpEncode(value))).toEqual(value);
  });

  it.each([
    ['a single byte below 0x80 wrapped in a prefix', '0x8105'],
    ['a long string form for a short string', '0xb80100'],
    ['a length with a leading zero', `0xb90040${'00'.repeat(64)}`],
    ['a long list form for a short list', '0xf80180'],
    ['a truncated string', '0x8501'],
    ['trailing bytes', '0x0102'],
    ['a list shorter than its prefix says', '0xc38180'],
    ['an item that overruns its list', '0xc283616263'],
  ])('rejects %s', (_name, hex) => {
    expect(() => rlpDecode(hexToBytes(hex))).toThrow(RlpError);
  });

  it('rejects empty and oversized input', () => {
    expect(() => rlpDecode(new Uint8Array(0))).toThrow(/empty/);
    expect(() => rlpDecode(new Uint8Array(100), 10)).toThrow(/exceeds the limit/);
  });

  it('decodes a stream of concatenated items', () => {
    const a = rlpEncode([Uint8Array.of(1)]);
    const b = rlpEncode(Uint8Array.of(2, 3));
    const joined = new Uint8Array([...a, ...b]);
    const first = rlpDecodeStream(joined);
    expect(first.value).toEqual([Uint8Array.of(1)]);
    expect(rlpDecodeStream(first.rest).value).toEqual(Uint8Array.of(2, 3));
    expect(() => rlpDecodeStream(joined.subarray(0, joined.length - 1).subarray(a.length))).toThrow(RlpError);
  });

  it('reads typed fields with clear errors', () => {
    const value = rlpDecode(rlpEncode([Uint8Array.of(0, 1), [], 5n]));
    const list = asList(value, 'thing', 3);
    expect(() => asUint(list[0], 'nonce')).toThrow(/nonce has a leading zero/);
    expect(() => asBytes(list[1], 'data')).toThrow(/data must be an RLP byte string/);
    expect(asUint(list[2], 'gas')).toBe(5n);
    expect(() => asList(value, 'header', 15)).toThrow(/header must have 15 fields/);
  });
});
