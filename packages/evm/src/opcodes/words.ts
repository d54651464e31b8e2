/** 256-bit word helpers shared by the handlers. Stack values are bigints in [0, 2^256). */
export const TWO_256 = 1n << 256n;
export const MAX_WORD = TWO_256 - 1n;
export const SIGN_BIT = 1n << 255n;
export const ADDRESS_MASK = (1n << 160n) - 1n;

/** The two's-complement value of a word, as a signed bigint. */
export function toSigned(x: bigint): bigint {
  return x >= SIGN_BIT ? x - TWO_256 : x;
}

/** A signed bigint back to its word (two's complement, wrapping). */
export function fromSigned(x: bigint): bigint {
  return x < 0n ? BigInt.asUintN(256, x) : x;
}

/** Bytes needed to write `x` (0 for zero), as EXP's per-byte price counts them. */
export function byteLength(x: bigint): number {
  if (x === 0n) return 0;
  return (x.toString(16).length + 1) >> 1;
}

/** `x` as a 32-byte big-endian word. */
export function wordToBytes(x: bigint, out: Uint8Array = new Uint8Array(32), offset = 0): Uint8Array {
  const view = new DataView(out.buffer, out.byteOffset);
  storeWord(view, offset, x);
  return out;
}

/** Writes `x` as 32 big-endian bytes at `offset`. */
export function storeWord(view: DataView, offset: number, x: bigint): void {
  view.setBigUint64(offset, x >> 192n);
  view.setBigUint64(offset + 8, BigInt.asUintN(64, x >> 128n));
  view.setBigUint64(offset + 16, BigInt.asUintN(64, x >> 64n));
  view.setBigUint64(offset + 24, BigInt.asUintN(64, x));
}

/** Reads 32 big-endian bytes at `offset`. */
export function loadWord(view: DataView, offset: number): bigint {
  return (view.getBigUint64(offset) << 192n) | (view.getBigUint64(offset + 8) << 128n) | (view.getBigUint64(offset + 16) << 64n) | view.getBigUint64(offset + 24);
}

/** The smaller of two bigints (`Math.min` takes numbers only). */
export function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two bigints. */
export function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
