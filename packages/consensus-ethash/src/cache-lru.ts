import { ValueError } from '@cairn/common';
import type { EpochCache } from './cache';

/**
 * Keeps the most recently used epoch caches. A cache takes most of a second (epoch 0) to several
 * seconds (late epochs) to build and 16 MiB or more to hold, so each is built once and shared:
 * callers asking for an epoch that is still being built wait on the same build.
 */
export class EpochCacheLru {
  readonly #capacity: number;
  readonly #build: (epoch: number) => Promise<EpochCache>;
  /** Insertion order of a `Map` is its recency order: the first key is the least recently used. */
  readonly #entries = new Map<number, Promise<EpochCache>>();

  constructor(capacity: number, build: (epoch: number) => Promise<EpochCache>) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new ValueError(`Ethash cache capacity must be a positive integer, got ${capacity}`);
    this.#capacity = capacity;
    this.#build = build;
  }

  /** The cache of `epoch`, built on first use. */
  get(epoch: number): Promise<EpochCache> {
    const held = this.#entries.get(epoch);
    if (held !== undefined) {
      this.#entries.delete(epoch);
      this.#entries.set(epoch, held);
      return held;
    }
    const building = this.#build(epoch);
    this.#entries.set(epoch, building);
    // A failed build is forgotten so that the next caller tries again instead of failing forever.
    building.catch(() => {
      if (this.#entries.get(epoch) === building) this.#entries.delete(epoch);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#capacity) break;
      this.#entries.delete(oldest);
    }
    return building;
  }

  /** The epochs held (or being built), least recently used first. */
  epochs(): number[] {
    return [...this.#entries.keys()];
  }
}
