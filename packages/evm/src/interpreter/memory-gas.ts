import type { Frame } from './frame';
import { MAX_MEMORY_WORDS, memoryCost } from './memory';

/** Offsets and sizes above this are beyond any memory a frame can pay for. */
const OFFSET_LIMIT = 0x1_0000_0000n;

/**
 * Makes `[offset, offset + size)` addressable, charging for any expansion, and returns `offset`
 * as a number, or -1 when the frame cannot pay (the caller halts with out of gas). A zero size
 * touches no memory, whatever the offset.
 */
export function memoryRegion(f: Frame, offset: bigint, size: bigint): number {
  if (size === 0n) return 0;
  if (offset >= OFFSET_LIMIT || size >= OFFSET_LIMIT) return -1;
  const start = Number(offset);
  const end = start + Number(size);
  if (end > f.mem.size && !expandMemory(f, end)) return -1;
  return start;
}

/** Whether the frame could pay to make `[offset, offset + size)` addressable (charging nothing). */
export function affordsRegion(f: Frame, offset: bigint, size: bigint): boolean {
  if (size === 0n) return true;
  if (offset >= OFFSET_LIMIT || size >= OFFSET_LIMIT) return false;
  const end = Number(offset) + Number(size);
  if (end <= f.mem.size) return true;
  const words = Math.ceil(end / 32);
  return words <= MAX_MEMORY_WORDS && BigInt(memoryCost(words) - memoryCost(f.mem.size / 32)) <= f.gasLeft();
}

/** Grows memory to cover `end` bytes (rounded up to a word), charging the difference in cost. */
export function expandMemory(f: Frame, end: number): boolean {
  const words = Math.ceil(end / 32);
  if (words > MAX_MEMORY_WORDS) return false;
  if (!f.charge(memoryCost(words) - memoryCost(f.mem.size / 32))) return false;
  f.mem.grow(words * 32);
  return true;
}

/** Gas per word for copying or hashing `size` bytes (already known to fit in memory). */
export function wordGas(perWord: number, size: bigint): number {
  return perWord * Math.ceil(Number(size) / 32);
}
