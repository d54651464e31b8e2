import { ValueError, assertLength, bytesToBigInt, bytesToHex, equalBytes } from '@cairn/common';
import { type EpochCache, buildEpochCache } from './cache';
import { EpochCacheLru } from './cache-lru';
import { MAX_EPOCH, epochOf } from './epoch';
import { type HashimotoOutput, computeHashimotoLight } from './hashimoto';
import { type Hash512, keccak512 } from '@cairn/common';

/** The header fields a proof-of-work seal covers. */
export interface SealInput {
  /** keccak-256 of the RLP of the header without `mixHash` and `nonce`. */
  readonly sealHash: Uint8Array;
  /** The header's 8-byte nonce. */
  readonly nonce: Uint8Array;
  /** The header's 32-byte mix hash. */
  readonly mixHash: Uint8Array;
  readonly number: bigint;
  readonly difficulty: bigint;
}

/** Why a seal is rejected, as a stable code beside the human-readable reason. */
export type SealFailure = 'ZERO_DIFFICULTY' | 'EPOCH_UNSUPPORTED' | 'MIX_DIGEST_MISMATCH' | 'DIFFICULTY_NOT_MET';

export type SealCheck = { readonly valid: true } | { readonly valid: false; readonly code: SealFailure; readonly reason: string };

export interface EthashOptions {
  /**
   * Epoch caches kept in memory; 2 by default: the current epoch and the previous one, which
   * uncles and reorganisations across an epoch boundary need.
   */
  readonly cacheCapacity?: number;
  /** The Keccak-512 backend; the WebAssembly one by default. */
  readonly hash512?: Hash512;
  /** Builds an epoch's cache; `buildEpochCache` by default (a test may inject a shared one). */
  readonly buildCache?: (epoch: number) => Promise<EpochCache>;
}

const TWO_POW_256 = 1n << 256n;

/** Ethash light verification: every check needs only the epoch's cache, never the DAG. */
export class Ethash {
  readonly #hash512: Hash512;
  readonly #caches: EpochCacheLru;

  constructor(options: EthashOptions = {}) {
    this.#hash512 = options.hash512 ?? keccak512;
    const hash512 = this.#hash512;
    this.#caches = new EpochCacheLru(options.cacheCapacity ?? 2, options.buildCache ?? ((epoch) => buildEpochCache(epoch, { hash512 })));
  }

  /** The cache of the epoch that `blockNumber` belongs to, built on first use. */
  async cacheFor(blockNumber: bigint): Promise<EpochCache> {
    if (blockNumber < 0n) throw new ValueError(`block number ${blockNumber} is negative`);
    const unsupported = unsupportedEpoch(blockNumber);
    if (unsupported !== undefined) throw new ValueError(unsupported);
    return this.#caches.get(epochOf(blockNumber));
  }

  /** Hashimoto for a header of block `blockNumber`: the mix digest and result its nonce yields. */
  async hashimoto(blockNumber: bigint, sealHash: Uint8Array, nonce: Uint8Array): Promise<HashimotoOutput> {
    const cache = await this.cacheFor(blockNumber);
    return computeHashimotoLight(cache, sealHash, nonce, this.#hash512);
  }

  /**
   * Checks a header's proof of work: the mix digest that hashimoto yields for the seal hash and
   * nonce must equal the header's `mixHash`, and the result, read as a big-endian number, must not
   * exceed 2^256 / difficulty. Fields of the wrong length throw `ValueError`; a seal that is
   * well-formed but wrong yields `valid: false` with the reason.
   */
  async verifySeal(input: SealInput): Promise<SealCheck> {
    assertLength(input.sealHash, 32, 'Ethash seal hash');
    assertLength(input.nonce, 8, 'Ethash nonce');
    assertLength(input.mixHash, 32, 'Ethash mix hash');
    if (input.number < 0n) throw new ValueError(`block number ${input.number} is negative`);
    if (input.difficulty <= 0n) return reject('ZERO_DIFFICULTY', `difficulty ${input.difficulty} is not positive`);
    const unsupported = unsupportedEpoch(input.number);
    if (unsupported !== undefined) return reject('EPOCH_UNSUPPORTED', unsupported);

    const { mixDigest, result } = await this.hashimoto(input.number, input.sealHash, input.nonce);
    if (!equalBytes(mixDigest, input.mixHash)) {
      return reject('MIX_DIGEST_MISMATCH', `mix hash ${bytesToHex(input.mixHash)} does not match the computed mix digest ${bytesToHex(mixDigest)}`);
    }
    const boundary = TWO_POW_256 / input.difficulty;
    if (bytesToBigInt(result) > boundary) {
      return reject('DIFFICULTY_NOT_MET', `proof-of-work result ${bytesToHex(result)} exceeds the boundary 2^256 / ${input.difficulty}`);
    }
    return { valid: true };
  }
}

function unsupportedEpoch(blockNumber: bigint): string | undefined {
  const epoch = epochOf(blockNumber);
  return epoch > MAX_EPOCH ? `block ${blockNumber} is in Ethash epoch ${epoch}, past the last supported epoch ${MAX_EPOCH}` : undefined;
}

function reject(code: SealFailure, reason: string): SealCheck {
  return { valid: false, code, reason };
}
