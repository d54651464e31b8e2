import { bytesToHex } from '@cairn/common';

/**
 * Hashes a peer is known to have (it sent or was sent them), so they are not echoed back.
 * Bounded: past `capacity` the oldest entries are forgotten, which only costs a duplicate send.
 */
export class KnownHashes {
  private readonly entries = new Set<string>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  add(hash: Uint8Array): void {
    const key = bytesToHex(hash);
    this.entries.delete(key);
    this.entries.add(key);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.values().next().value!);
  }

  has(hash: Uint8Array): boolean {
    return this.entries.has(bytesToHex(hash));
  }
}
