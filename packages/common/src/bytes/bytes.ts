import { ValueError } from '../errors';

export const EMPTY_BYTES = new Uint8Array(0);

/** Byte-wise equality. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lexicographic order of byte strings: negative, zero or positive, as `Array.prototype.sort` wants. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** One buffer holding every part in order. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Big-endian bytes without leading zeros (empty for zero), the canonical RLP integer form. */
export function bigintToBytes(value: bigint): Uint8Array {
  if (value < 0n) throw new ValueError(`cannot encode negative integer ${value}`);
  if (value === 0n) return EMPTY_BYTES;
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Big-endian bytes left-padded to exactly `length` bytes; rejects values that do not fit. */
export function bigintToFixedBytes(value: bigint, length: number): Uint8Array {
  const raw = bigintToBytes(value);
  if (raw.length > length) throw new ValueError(`integer ${value} does not fit in ${length} bytes`);
  const out = new Uint8Array(length);
  out.set(raw, length - raw.length);
  return out;
}

/** The unsigned big-endian integer in `bytes` (leading zeros allowed). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let result = 0n;
  let i = 0;
  // Consume 6 bytes at a time through a Number to keep BigInt operations few.
  for (; i + 6 <= bytes.length; i += 6) {
    const chunk = bytes[i] * 2 ** 40 + bytes[i + 1] * 2 ** 32 + bytes[i + 2] * 2 ** 24 + bytes[i + 3] * 2 ** 16 + bytes[i + 4] * 2 ** 8 + bytes[i + 5];
    result = (result << 48n) | BigInt(chunk);
  }
  for (; i < bytes.length; i++) result = (result << 8n) | BigInt(bytes[i]);
  return result;
}

/**
 * The integer in a canonical RLP scalar: no leading zero byte (so zero is the empty string).
 * `maxBytes` bounds the width (32 for uint256, 8 for uint64 fields).
 */
export function bytesToUint(bytes: Uint8Array, maxBytes = 32, field = 'integer'): bigint {
  if (bytes.length > 0 && bytes[0] === 0) throw new ValueError(`${field} has a leading zero byte`);
  if (bytes.length > maxBytes) throw new ValueError(`${field} is wider than ${maxBytes} bytes`);
  return bytesToBigInt(bytes);
}

/** Left-pads `bytes` with zeros to `length`; longer input is rejected. */
export function padLeft(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length === length) return bytes;
  if (bytes.length > length) throw new ValueError(`${bytes.length} bytes do not fit in ${length}`);
  const out = new Uint8Array(length);
  out.set(bytes, length - bytes.length);
  return out;
}

/** Requires `bytes` to be exactly `length` long, naming `field` in the error. */
export function assertLength(bytes: Uint8Array, length: number, field: string): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new ValueError(`${field} must be bytes`);
  if (bytes.length !== length) throw new ValueError(`${field} must be ${length} bytes, got ${bytes.length}`);
  return bytes;
}
