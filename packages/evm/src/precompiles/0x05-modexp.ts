import { bigintToFixedBytes, bytesToBigInt, EMPTY_BYTES } from '@cairn/common';
import { type ModexpHeader, modexpGas } from './modexp-gas';
import { type Precompile, readPadded } from './precompile';

/**
 * Modulus lengths above this (16 MiB) are refused rather than allocated. Reaching run() with one
 * takes more than 2^39 gas under either pricing, which no chain's gas limit allows.
 */
const MAX_MODULUS_BYTES = 2n ** 24n;

/** The three 256-bit length words and the exponent head; input past its end reads as zeros. */
export function parseModexpHeader(input: Uint8Array): ModexpHeader {
  const baseLength = bytesToBigInt(readPadded(input, 0n, 32));
  const exponentLength = bytesToBigInt(readPadded(input, 32n, 32));
  const modulusLength = bytesToBigInt(readPadded(input, 64n, 32));
  const headLength = exponentLength < 32n ? Number(exponentLength) : 32;
  const exponentHead = bytesToBigInt(readPadded(input, 96n + baseLength, headLength));
  return { baseLength, exponentLength, modulusLength, exponentHead };
}

/** base^exponent mod modulus (modulus > 1), left to right over 4-bit windows. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent === 0n) return 1n % modulus;
  base %= modulus;
  if (base <= 1n) return base;
  // base^0 … base^15, extended only as far as a digit needs: the common small exponents
  // (2, 3, 65537) use base^1 alone and must not pay for fourteen multiplications.
  const table: bigint[] = [1n, base];
  let result = 1n;
  for (const digit of exponent.toString(16)) {
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    const d = Number.parseInt(digit, 16);
    while (table.length <= d) table.push((table[table.length - 1] * base) % modulus);
    if (d !== 0) result = (result * table[d]) % modulus;
  }
  return result;
}

/**
 * 0x05 (EIP-198, Byzantium): BASE^EXPONENT mod MODULUS over big-endian integers whose byte lengths
 * head the input; the output has the modulus's length. A zero modulus gives zeros, a zero modulus
 * length an empty output. Priced by EIP-198, by EIP-2565 from Berlin.
 */
export const modexp: Precompile = {
  address: 0x05,
  name: 'MODEXP',
  gas: (input, rules) => modexpGas(parseModexpHeader(input), rules),
  run(input) {
    const { baseLength, exponentLength, modulusLength } = parseModexpHeader(input);
    if (modulusLength === 0n) return EMPTY_BYTES;
    if (modulusLength > MAX_MODULUS_BYTES) return undefined;
    const output = new Uint8Array(Number(modulusLength));
    // The operands follow one another, so a modulus with any byte inside the input means the
    // base and exponent lie wholly inside it; a modulus wholly past the end is zero.
    const modulusOffset = 96n + baseLength + exponentLength;
    if (modulusOffset >= BigInt(input.length)) return output;
    const modulus = bytesToBigInt(readPadded(input, modulusOffset, output.length));
    if (modulus <= 1n) return output;
    const base = bytesToBigInt(input.subarray(96, 96 + Number(baseLength)));
    const exponentStart = 96 + Number(baseLength);
    const exponent = bytesToBigInt(input.subarray(exponentStart, exponentStart + Number(exponentLength)));
    output.set(bigintToFixedBytes(modPow(base, exponent, modulus), output.length));
    return output;
  },
};
