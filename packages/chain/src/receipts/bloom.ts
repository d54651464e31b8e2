import { keccak256 } from '@cairn/common';
import type { Log } from './log';

/** A logs bloom is 2048 bits. */
export const BLOOM_BYTES = 256;

/**
 * The bits `value` sets in a bloom: three 11-bit numbers from the first six bytes of its
 * keccak256, each naming one of the 2048 bits, counted from the last byte (Yellow Paper 4.3.1).
 */
function bloomBits(value: Uint8Array): [byte: number, mask: number][] {
  const hash = keccak256(value);
  const bits: [number, number][] = [];
  for (let i = 0; i < 6; i += 2) {
    const bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
    bits.push([BLOOM_BYTES - 1 - (bit >> 3), 1 << (bit & 7)]);
  }
  return bits;
}

/** Sets the bits of `value` in `bloom`, in place. */
export function addToBloom(bloom: Uint8Array, value: Uint8Array): void {
  for (const [byte, mask] of bloomBits(value)) bloom[byte] |= mask;
}

/** Whether every bit of `value` is set in `bloom`: false means it is surely absent. */
export function bloomMightContain(bloom: Uint8Array, value: Uint8Array): boolean {
  return bloomBits(value).every(([byte, mask]) => (bloom[byte] & mask) !== 0);
}

/** The bloom of logs: each log's address and topics. */
export function logsBloom(logs: readonly Log[]): Uint8Array {
  const bloom = new Uint8Array(BLOOM_BYTES);
  for (const log of logs) {
    addToBloom(bloom, log.address);
    for (const topic of log.topics) addToBloom(bloom, topic);
  }
  return bloom;
}

/** Sets every bit of `other` in `target`, in place (a block's bloom is the union of its receipts'). */
export function mergeBloom(target: Uint8Array, other: Uint8Array): void {
  for (let i = 0; i < BLOOM_BYTES; i++) target[i] |= other[i];
}
