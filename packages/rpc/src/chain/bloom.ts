import { keccak256 } from '@cairn/common';

/**
 * Whether a 2048-bit logs bloom may contain `item` (an address or topic): the three bits the
 * Yellow Paper's M3:2048 sets for it (from pairs of bytes 0-1, 2-3 and 4-5 of its keccak, taken
 * modulo 2048) must all be set. False means the block surely has no such log.
 */
export function bloomMayContain(bloom: Uint8Array, item: Uint8Array): boolean {
  const hash = keccak256(item);
  for (let i = 0; i < 6; i += 2) {
    const bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
    if ((bloom[255 - (bit >> 3)] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
