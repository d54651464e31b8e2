import { ITEM_WORDS, type EpochCache } from './cache';
import { DATASET_PARENTS, HASH_BYTES } from './epoch';
import { fnv } from './fnv';
import type { Hash512 } from '@cairn/common';

/**
 * Computes item `index` of the epoch's full dataset from the cache alone, as light verification
 * does, and writes its 16 words to `out` at `outOffset`. The item starts as the cache item at the
 * same position with the index mixed in, is hashed, folds in 256 pseudo-randomly chosen cache
 * items with FNV, and is hashed again.
 */
export function computeDatasetItem(cache: EpochCache, index: number, hash512: Hash512, out: Uint32Array, outOffset: number): void {
  const { words, itemCount } = cache;
  const mixBytes = new Uint8Array(HASH_BYTES);
  const mix = new Uint32Array(mixBytes.buffer);

  const start = (index % itemCount) * ITEM_WORDS;
  mix.set(words.subarray(start, start + ITEM_WORDS));
  mix[0] ^= index;
  mixBytes.set(hash512(mixBytes));

  for (let parent = 0; parent < DATASET_PARENTS; parent++) {
    const base = (fnv(index ^ parent, mix[parent % ITEM_WORDS]) % itemCount) * ITEM_WORDS;
    for (let k = 0; k < ITEM_WORDS; k++) mix[k] = fnv(mix[k], words[base + k]);
  }

  mixBytes.set(hash512(mixBytes));
  out.set(mix, outOffset);
}
