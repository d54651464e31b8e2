import { assertLength, keccak256 } from '@cairn/common';
import { ITEM_WORDS, type EpochCache } from './cache';
import { computeDatasetItem } from './dataset-item';
import { ACCESSES, MIX_BYTES, WORD_BYTES } from './epoch';
import { fnv } from './fnv';
import { type Hash512, keccak512 } from '@cairn/common';

/** What hashimoto yields for one (seal hash, nonce) pair. */
export interface HashimotoOutput {
  /** The 32-byte compressed mix, which the header's `mixHash` must equal. */
  readonly mixDigest: Uint8Array;
  /** The 32-byte proof-of-work value compared (big-endian) against 2^256 / difficulty. */
  readonly result: Uint8Array;
}

const MIX_WORDS = MIX_BYTES / WORD_BYTES;
const ITEMS_PER_MIX = MIX_WORDS / ITEM_WORDS;

/**
 * Hashimoto over the dataset items derived from the cache (light mode). `sealHash` is the
 * keccak-256 of the header's RLP without `mixHash` and `nonce`; `nonce` is the header's 8-byte
 * field as it appears there (big-endian).
 */
export function computeHashimotoLight(
  cache: EpochCache,
  sealHash: Uint8Array,
  nonce: Uint8Array,
  hash512: Hash512 = keccak512,
): HashimotoOutput {
  assertLength(sealHash, 32, 'Ethash seal hash');
  assertLength(nonce, 8, 'Ethash nonce');

  // The seed hashes the nonce as a little-endian 64-bit integer, the reverse of the header bytes.
  const seedInput = new Uint8Array(40);
  seedInput.set(sealHash, 0);
  seedInput.set(nonce.toReversed(), 32);
  const seed = hash512(seedInput);
  const seedWords = new Uint32Array(seed.slice().buffer);

  const mix = new Uint32Array(MIX_WORDS);
  for (let i = 0; i < ITEMS_PER_MIX; i++) mix.set(seedWords, i * ITEM_WORDS);

  // Each access reads one 128-byte page, two consecutive dataset items.
  const pageCount = cache.datasetItemCount / ITEMS_PER_MIX;
  const page = new Uint32Array(MIX_WORDS);
  for (let i = 0; i < ACCESSES; i++) {
    const firstItem = (fnv(i ^ seedWords[0], mix[i % MIX_WORDS]) % pageCount) * ITEMS_PER_MIX;
    for (let j = 0; j < ITEMS_PER_MIX; j++) computeDatasetItem(cache, firstItem + j, hash512, page, j * ITEM_WORDS);
    for (let k = 0; k < MIX_WORDS; k++) mix[k] = fnv(mix[k], page[k]);
  }

  // Compress the 32-word mix to 8 words by folding each group of four with FNV.
  const digestWords = new Uint32Array(MIX_WORDS / 4);
  for (let i = 0; i < digestWords.length; i++) {
    digestWords[i] = fnv(fnv(fnv(mix[4 * i], mix[4 * i + 1]), mix[4 * i + 2]), mix[4 * i + 3]);
  }
  const mixDigest = new Uint8Array(digestWords.buffer);

  const resultInput = new Uint8Array(seed.length + mixDigest.length);
  resultInput.set(seed, 0);
  resultInput.set(mixDigest, seed.length);
  return { mixDigest, result: keccak256(resultInput) };
}
