import { CairnError, ValueError } from '@cairn/common';
import { CACHE_ROUNDS, HASH_BYTES, MAX_EPOCH, cacheSize, datasetSize, seedHash } from './epoch';
import { type Hash512, keccak512 } from '@cairn/common';

/** 32-bit words in one 64-byte cache or dataset item. */
export const ITEM_WORDS = HASH_BYTES / 4;

/**
 * The light-verification cache of one epoch: every dataset item can be derived from it, so a
 * verifier never needs the gigabyte DAG. Items are kept as one typed array so that the hot loops
 * index words directly; Ethash words are little-endian, which is the byte order of `Uint32Array`
 * on every platform JavaScript runs on (checked in `buildEpochCache`).
 */
export interface EpochCache {
  readonly epoch: number;
  /** The cache bytes (`itemCount` items of 64 bytes). */
  readonly bytes: Uint8Array;
  /** The same memory as 32-bit words, 16 per item. */
  readonly words: Uint32Array;
  readonly itemCount: number;
  /** Number of 64-byte items in the epoch's full dataset, which bounds the hashimoto lookups. */
  readonly datasetItemCount: number;
}

export interface BuildCacheOptions {
  /** The Keccak-512 backend; the WebAssembly one by default. */
  readonly hash512?: Hash512;
  /**
   * Awaited every few thousand items so that a build (a second or more) does not freeze the
   * event loop; by default it waits for `setImmediate`.
   */
  readonly pause?: () => Promise<void>;
}

const ITEMS_BETWEEN_PAUSES = 8192;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds the cache of an epoch: a chain of Keccak-512 hashes from the epoch's seed, then
 * `CACHE_ROUNDS` passes of Sergio Lerner's RandMemoHash, where each item becomes the hash of the
 * previous item (already updated in this pass) XOR a pseudo-randomly chosen one.
 */
export async function buildEpochCache(epoch: number, options: BuildCacheOptions = {}): Promise<EpochCache> {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH) {
    throw new ValueError(`Ethash epoch ${epoch} is outside 0..${MAX_EPOCH}`);
  }
  if (!LITTLE_ENDIAN) throw new CairnError('UNSUPPORTED_PLATFORM', 'Ethash needs a little-endian platform');
  const hash512 = options.hash512 ?? keccak512;
  const pause = options.pause ?? nextTurn;

  const itemCount = cacheSize(epoch) / HASH_BYTES;
  const bytes = new Uint8Array(itemCount * HASH_BYTES);
  const words = new Uint32Array(bytes.buffer);

  bytes.set(hash512(seedHash(epoch)), 0);
  for (let i = 1; i < itemCount; i++) {
    bytes.set(hash512(bytes.subarray((i - 1) * HASH_BYTES, i * HASH_BYTES)), i * HASH_BYTES);
    if (i % ITEMS_BETWEEN_PAUSES === 0) await pause();
  }

  const mixed = new Uint8Array(HASH_BYTES);
  const mixedWords = new Uint32Array(mixed.buffer);
  for (let round = 0; round < CACHE_ROUNDS; round++) {
    for (let i = 0; i < itemCount; i++) {
      const previous = ((i === 0 ? itemCount : i) - 1) * ITEM_WORDS;
      const chosen = (words[i * ITEM_WORDS] % itemCount) * ITEM_WORDS;
      for (let k = 0; k < ITEM_WORDS; k++) mixedWords[k] = words[previous + k] ^ words[chosen + k];
      bytes.set(hash512(mixed), i * HASH_BYTES);
      if (i % ITEMS_BETWEEN_PAUSES === 0) await pause();
    }
  }

  return { epoch, bytes, words, itemCount, datasetItemCount: datasetSize(epoch) / HASH_BYTES };
}
