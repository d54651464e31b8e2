import { keccak256 } from '@cairn/common';

/** A logs bloom with the M3:2048 bits of every item set, as a block's header would carry. */
export function bloomOf(items: readonly Uint8Array[]): Uint8Array {
  const bloom = new Uint8Array(256);
  for (const item of items) {
    const hash = keccak256(item);
    for (let i = 0; i < 6; i += 2) {
      const bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
      bloom[255 - (bit >> 3)] |= 1 << (bit & 7);
    }
  }
  return bloom;
}
