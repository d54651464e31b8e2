import { keccak256 } from '@cairn/common';

/**
 * The Ethash parameters of the Yellow Paper (appendix J) and the Ethash specification. Sizes are
 * in bytes; a "word" is 32 bits, little-endian.
 */
export const EPOCH_LENGTH = 30_000n;
export const HASH_BYTES = 64;
export const MIX_BYTES = 128;
export const WORD_BYTES = 4;
export const CACHE_ROUNDS = 3;
export const DATASET_PARENTS = 256;
export const ACCESSES = 64;

const CACHE_BYTES_INIT = 2 ** 24;
const CACHE_BYTES_GROWTH = 2 ** 17;
const DATASET_BYTES_INIT = 2 ** 30;
const DATASET_BYTES_GROWTH = 2 ** 23;

/**
 * Epochs beyond this one are refused. The cache of epoch 2047 is already 272 MiB and the
 * reference implementations publish size tables for 2048 epochs (61 million blocks), far past the
 * 15.5 million blocks mainnet mined before the Merge. Without a bound, a header carrying a huge
 * block number would make the verifier try to allocate an unbounded cache.
 */
export const MAX_EPOCH = 2047;

/** The epoch of a block: its number divided by 30,000. */
export function epochOf(blockNumber: bigint): number {
  return Number(blockNumber / EPOCH_LENGTH);
}

/**
 * Size of the light-verification cache of an epoch: the largest multiple of 64 bytes, at most the
 * linear growth target, whose count of 64-byte items is prime (primes keep the pseudo-random
 * walks over the items from cycling early).
 */
export function cacheSize(epoch: number): number {
  return primeSizedBelow(CACHE_BYTES_INIT + CACHE_BYTES_GROWTH * epoch, HASH_BYTES);
}

/** Size of the full dataset (the DAG) of an epoch; verification only needs it to bound indices. */
export function datasetSize(epoch: number): number {
  return primeSizedBelow(DATASET_BYTES_INIT + DATASET_BYTES_GROWTH * epoch, MIX_BYTES);
}

function primeSizedBelow(target: number, unit: number): number {
  let size = target - unit;
  while (!isPrime(size / unit)) size -= 2 * unit;
  return size;
}

/** Trial division: the counts tested are below 2^24, so at most ~4,100 divisions each. */
function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** The seed of an epoch: keccak-256 applied `epoch` times to 32 zero bytes. */
export function seedHash(epoch: number): Uint8Array {
  let seed: Uint8Array = new Uint8Array(32);
  for (let i = 0; i < epoch; i++) seed = keccak256(seed);
  return seed;
}
