import { bigintToBytes, bytesToBigInt } from '@cairn/common';
import { hashKey } from '../store/node-cache';

/** What a count is kept for: a trie node or a piece of code (separate key spaces, same hash function). */
export const NODE = 0;
export const CODE = 1;

/** The counts-segment key of a node or code hash. */
export function countKey(kind: number, hash: Uint8Array): Uint8Array {
  const key = new Uint8Array(33);
  key[0] = kind;
  key.set(hash, 1);
  return key;
}

export function encodeCount(count: number): Uint8Array {
  return bigintToBytes(BigInt(count));
}

export function decodeCount(bytes: Uint8Array | undefined): number {
  return bytes === undefined ? 0 : Number(bytesToBigInt(bytes));
}

/** Changes to counts gathered during one pruning step, by node or code hash. */
export class CountDeltas {
  readonly #deltas = new Map<string, { kind: number; hash: Uint8Array; delta: number }>();

  add(kind: number, hash: Uint8Array, delta: number): void {
    const key = `${kind}${hashKey(hash)}`;
    const entry = this.#deltas.get(key);
    if (entry) entry.delta += delta;
    else this.#deltas.set(key, { kind, hash, delta });
  }

  /** The non-zero changes. */
  entries(): { kind: number; hash: Uint8Array; delta: number }[] {
    return [...this.#deltas.values()].filter((e) => e.delta !== 0);
  }
}
