import { bytesToHex } from '@cairn/common';
import type { BlockRecord } from './journal';

/**
 * The journal entries not yet pruned, in memory: enough to follow parent links from the head
 * down to the height being pruned and to tell its canonical block from side blocks. Rebuilt from
 * the journal at start-up; it holds about `blocksRetained` entries (plus side blocks).
 */
export class BlockIndex {
  readonly #bySeq = new Map<bigint, BlockRecord>();
  /** The first (lowest-sequence) entry of each block hash. */
  readonly #byHash = new Map<string, BlockRecord>();

  get size(): number {
    return this.#bySeq.size;
  }

  add(record: BlockRecord): void {
    this.#bySeq.set(record.seq, record);
    const key = bytesToHex(record.hash);
    if (!this.#byHash.has(key)) this.#byHash.set(key, record);
  }

  remove(record: BlockRecord): void {
    this.#bySeq.delete(record.seq);
    const key = bytesToHex(record.hash);
    if (this.#byHash.get(key)?.seq === record.seq) this.#byHash.delete(key);
  }

  get(hash: Uint8Array): BlockRecord | undefined {
    return this.#byHash.get(bytesToHex(hash));
  }

  /**
   * The hash of the ancestor at height `number` of block `from` (at height `fromNumber`), by
   * parent links; the block itself at its own height; undefined when a link is missing.
   */
  ancestorAt(from: Uint8Array, fromNumber: bigint, number: bigint): Uint8Array | undefined {
    let hash = from;
    for (let height = fromNumber; height > number; height--) {
      const record = this.get(hash);
      if (record === undefined || record.number !== height) return undefined;
      hash = record.parentHash;
    }
    return fromNumber >= number ? hash : undefined;
  }

  /** Entries at or below `number` with sequence numbers up to `maxSeq`, oldest first. */
  atOrBelow(number: bigint, maxSeq: bigint): BlockRecord[] {
    return [...this.#bySeq.values()].filter((r) => r.number <= number && r.seq <= maxSeq).sort((a, b) => (a.seq < b.seq ? -1 : 1));
  }

  /** The lowest block number journaled, if any. */
  lowestNumber(): bigint | undefined {
    let lowest: bigint | undefined;
    for (const record of this.#bySeq.values()) if (lowest === undefined || record.number < lowest) lowest = record.number;
    return lowest;
  }

  /** Whether `record` is the first entry of its block (later ones are repeats of the same block). */
  isFirst(record: BlockRecord): boolean {
    return this.#byHash.get(bytesToHex(record.hash))?.seq === record.seq;
  }
}
