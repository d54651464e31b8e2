import { bytesToHex, hexToBytes, keccak256 } from '@cairn/common';
import { keccak512Js } from '@cairn/common';
import { type EpochCache, buildEpochCache, cacheSize, computeHashimotoLight, datasetSize, seedHash } from '@cairn/consensus-ethash';
import { Ethash as PeerEthash } from '@ethereumjs/ethash';
import { measureSeconds } from '../measure';
import { makeResult } from '../result';
import type { BenchContext, BenchSuite } from '../suite';

/**
 * Ethash light verification, against `@ethereumjs/ethash`. Inputs are fixed here (no workload
 * file): the epoch-0 cache, and hashimoto for the seal hash of ethereum/tests PoW test "first"
 * with 64 consecutive nonces. Both sides are checked against the PoW test's published cache hash
 * and mix digest before anything is timed.
 */
const CACHE_HASH = '0x35ded12eecf2ce2e8da2e15c06d463aae9b84cb2530a00b932e4bbc484cde353';
const SEAL_HASH = hexToBytes('0x2a8de2adf89af77358250bf908bf04ba94a6e8c3ba87775564a41d269a05e4ce');
const NONCE = hexToBytes('0x4242424242424242');
const MIX_DIGEST = '0x58f759ede17a706c93f13030328bcea40c1d1341fb26f2facd21ceb0dae57017';
const NONCES = Array.from({ length: 64 }, (_, i) => {
  const nonce = NONCE.slice();
  nonce[7] = i;
  return nonce;
});

async function runEthash(context: BenchContext): Promise<void> {
  const peer = new PeerEthash();
  const size = cacheSize(0);
  const seed = seedHash(0);
  const once = { warmup: 0, iterations: 2 };
  const none = () => undefined;

  context.log('ethash: building the epoch-0 cache with each backend (several seconds each for the pure JavaScript ones)');
  let cache: EpochCache | undefined;
  const buildWasm = await measureSeconds(once, none, async () => {
    cache = await buildEpochCache(0);
  });
  const buildJs = await measureSeconds(once, none, () => buildEpochCache(0, { hash512: keccak512Js }));
  const buildPeer = await measureSeconds(once, none, () => peer.mkcache(size, seed));
  if (cache === undefined || bytesToHex(keccak256(cache.bytes)) !== CACHE_HASH) throw new Error('ethash: Cairn’s epoch-0 cache does not hash to the PoW test’s cache_hash');
  if (bytesToHex(peer.cacheHash()) !== CACHE_HASH) throw new Error('ethash: the peer’s epoch-0 cache does not hash to cache_hash');
  const peerNote = 'peer: @ethereumjs/ethash mkcache';
  context.emit(makeResult('ethash', 'cache_build_epoch0', 'builds/s', 1 / buildWasm, 1 / buildPeer, `${peerNote}; Cairn on hash-wasm keccak-512`));
  context.emit(makeResult('ethash', 'cache_build_epoch0_noble', 'builds/s', 1 / buildJs, 1 / buildPeer, `${peerNote}; Cairn on @noble/hashes keccak-512`));

  const full = datasetSize(0);
  if (bytesToHex(computeHashimotoLight(cache, SEAL_HASH, NONCE).mixDigest) !== MIX_DIGEST) throw new Error('ethash: Cairn’s mix digest is wrong');
  if (bytesToHex(peer.run(SEAL_HASH, NONCE, full).mix) !== MIX_DIGEST) throw new Error('ethash: the peer’s mix digest is wrong');
  const repeated = { warmup: 1, iterations: 5 };
  const lightCache = cache;
  const hashimotoCairn = await measureSeconds(repeated, none, () => {
    for (const nonce of NONCES) computeHashimotoLight(lightCache, SEAL_HASH, nonce);
  });
  const hashimotoPeer = await measureSeconds(repeated, none, () => {
    for (const nonce of NONCES) peer.run(SEAL_HASH, nonce, full);
  });
  const perSecond = (seconds: number) => NONCES.length / seconds;
  context.emit(makeResult('ethash', 'hashimoto_light_epoch0', 'hashes/s', perSecond(hashimotoCairn), perSecond(hashimotoPeer), 'peer: @ethereumjs/ethash run; one hash = one header verification'));
}

export const ethashBench: BenchSuite = {
  name: 'ethash',
  description: 'Ethash epoch-0 cache build and light hashimoto (header verification), against @ethereumjs/ethash',
  run: runEthash,
};
