import type { ForkRules } from '@cairn/common';

/**
 * Pricing of the modexp precompile. Lengths are 256-bit, so everything is bigint and the result is
 * not clamped: a figure beyond 2^64 simply exceeds any gas a call can carry.
 */

/** The three length fields and the exponent's leading word, the only inputs of the price. */
export interface ModexpHeader {
  readonly baseLength: bigint;
  readonly exponentLength: bigint;
  readonly modulusLength: bigint;
  /** The first min(32, exponentLength) bytes of the exponent as an integer. */
  readonly exponentHead: bigint;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function bitLength(value: bigint): bigint {
  return value === 0n ? 0n : BigInt(value.toString(2).length);
}

/**
 * EIP-198's ADJUSTED_EXPONENT_LENGTH: the index of the exponent head's highest set bit (0 when
 * the head is zero), plus 8 per exponent byte beyond the first 32. EIP-2565 keeps it unchanged.
 */
export function adjustedExponentLength(header: ModexpHeader): bigint {
  const { exponentLength, exponentHead } = header;
  const highestBit = exponentHead === 0n ? 0n : bitLength(exponentHead) - 1n;
  return exponentLength > 32n ? 8n * (exponentLength - 32n) + highestBit : highestBit;
}

/** EIP-198's approximation of Karatsuba multiplication cost for `x`-byte operands. */
function eip198MultComplexity(x: bigint): bigint {
  if (x <= 64n) return x * x;
  if (x <= 1024n) return (x * x) / 4n + 96n * x - 3072n;
  return (x * x) / 16n + 480n * x - 199680n;
}

/** Byzantium's price (EIP-198): complexity × max(adjusted exponent length, 1) / 20. */
export function eip198Gas(header: ModexpHeader): bigint {
  const size = max(header.baseLength, header.modulusLength);
  return (eip198MultComplexity(size) * max(adjustedExponentLength(header), 1n)) / 20n;
}

/** Berlin's price (EIP-2565): ceil(size/8)² × max(iterations, 1) / 3, at least 200. */
export function eip2565Gas(header: ModexpHeader): bigint {
  const words = (max(header.baseLength, header.modulusLength) + 7n) / 8n;
  return max((words * words * max(adjustedExponentLength(header), 1n)) / 3n, 200n);
}

/** The price under `rules`: EIP-2565 from Berlin, EIP-198 before. */
export function modexpGas(header: ModexpHeader, rules: ForkRules): bigint {
  return rules.has(2565) ? eip2565Gas(header) : eip198Gas(header);
}
