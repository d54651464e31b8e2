/** The smaller of two bigints (Math.min takes numbers only). */
export function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two bigints (Math.max takes numbers only). */
export function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
