/**
 * A frame's byte-addressed memory. `size` is the active size (a multiple of 32, what MSIZE
 * reports and what gas was paid for); the buffer behind it grows by doubling, so that the common
 * small expansions allocate nothing.
 */
export class Memory {
  buf: Uint8Array;
  view: DataView;
  size = 0;

  constructor(capacity = 4096) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes `newSize` bytes (a multiple of 32, larger than `size`) active; new bytes read as zero. */
  grow(newSize: number): void {
    if (newSize > this.buf.length) {
      let capacity = this.buf.length * 2;
      while (capacity < newSize) capacity *= 2;
      const next = new Uint8Array(capacity);
      next.set(this.buf.subarray(0, this.size));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    this.size = newSize;
  }

  /** A copy of `length` bytes at `offset` (already paid for). */
  read(offset: number, length: number): Uint8Array {
    return this.buf.slice(offset, offset + length);
  }

  /**
   * Copies `length` bytes of `source` from `sourceOffset` to `offset`, filling with zeros where the
   * source ends: the rule of CALLDATACOPY, CODECOPY and EXTCODECOPY.
   */
  writePadded(offset: number, source: Uint8Array, sourceOffset: bigint, length: number): void {
    const start = sourceOffset < BigInt(source.length) ? Number(sourceOffset) : source.length;
    const available = Math.min(length, source.length - start);
    if (available > 0) this.buf.set(source.subarray(start, start + available), offset);
    if (available < length) this.buf.fill(0, offset + Math.max(available, 0), offset + length);
  }

  /**
   * Empties the memory for reuse by another frame (only the active part can be non-zero). A
   * buffer grown past 1 MiB is dropped rather than kept for the next frame.
   */
  reset(): void {
    if (this.buf.length > 1 << 20) {
      this.buf = new Uint8Array(4096);
      this.view = new DataView(this.buf.buffer);
    } else {
      this.buf.fill(0, 0, this.size);
    }
    this.size = 0;
  }
}

/** Memory above this many 32-byte words (2 GiB) is refused as out of gas; see `memoryCost`. */
export const MAX_MEMORY_WORDS = 2 ** 26;

/**
 * Gas for a memory of `words` words: 3 per word plus words²/512 (Yellow Paper). Exact in a double
 * up to MAX_MEMORY_WORDS (words² ≤ 2^52). Larger memories would cost over 2^43 gas, more than any
 * block gas limit, so the interpreter treats them as out of gas without pricing them.
 */
export function memoryCost(words: number): number {
  return 3 * words + Math.floor((words * words) / 512);
}
