/** The 32-bit FNV prime. */
const FNV_PRIME = 0x01000193;

/**
 * Ethash's mixing step: a 32-bit multiply by the FNV prime, then XOR. Ethash uses this in place of
 * FNV-1's byte-wise loop (it is not FNV-1 of anything); `Math.imul` keeps the product in 32 bits.
 */
export function fnv(a: number, b: number): number {
  return (Math.imul(a, FNV_PRIME) ^ b) >>> 0;
}
