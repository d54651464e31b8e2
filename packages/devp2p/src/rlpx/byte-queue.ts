/**
 * Bytes received from a socket and not yet consumed. Chunks are kept as they arrive and joined
 * only when a read needs them, so a large frame arriving in many small chunks is copied once.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.total += chunk.length;
  }

  /** The first `n` bytes without consuming them (`n` must not exceed `length`). */
  peek(n: number): Uint8Array {
    this.coalesce(n);
    return this.chunks[0].subarray(0, n);
  }

  /** Removes and returns the first `n` bytes (`n` must not exceed `length`). */
  take(n: number): Uint8Array {
    if (n === 0) return new Uint8Array(0);
    this.coalesce(n);
    const head = this.chunks[0];
    const out = head.subarray(0, n);
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    this.total -= n;
    return out;
  }

  /** Makes the first chunk at least `n` bytes long by joining as many chunks as needed. */
  private coalesce(n: number): void {
    if (this.chunks[0].length >= n) return;
    const joined = new Uint8Array(this.total);
    let offset = 0;
    for (const c of this.chunks) {
      joined.set(c, offset);
      offset += c.length;
    }
    this.chunks = [joined];
  }
}
