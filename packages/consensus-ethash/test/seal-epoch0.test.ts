import { type Hex, bytesToBigInt, bytesToHex, hexToBytes, keccak256 } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { Ethash, computeHashimotoLight } from '../src/index';
import { type HeaderFields, blockHash, sealInput } from './header';
import { EPOCH_0_BLOCKS } from './mainnet-vectors';

const ethash = new Ethash();

/**
 * ethereum/tests `PoWTests/ethash_tests.json`, tests "first" and "second": the seal hash of the
 * header (`header_hash`), the keccak-256 of the whole epoch-0 cache (`cache_hash`), and the mix
 * digest and result hashimoto yields for the nonce.
 */
const POW_TESTS = [
  {
    name: 'first',
    headerHash: '0x2a8de2adf89af77358250bf908bf04ba94a6e8c3ba87775564a41d269a05e4ce',
    nonce: '0x4242424242424242',
    mixHash: '0x58f759ede17a706c93f13030328bcea40c1d1341fb26f2facd21ceb0dae57017',
    result: '0xdd47fd2d98db51078356852d7c4014e6a5d6c387c35f40e2875b74a256ed7906',
  },
  {
    name: 'second',
    headerHash: '0x100cbec5e5ef82991290d0d93d758f19082e71f234cf479192a8b94df6da6bfe',
    nonce: '0x307692cf71b12f6d',
    mixHash: '0xe55d02c555a7969361cf74a9ec6211d8c14e4517930a00442f171bdb1698d175',
    result: '0xab9b13423cface72cbec8424221651bc2e384ef0f7a560e038fc68c8d8684829',
  },
] as const;
const EPOCH_0_CACHE_HASH = '0x35ded12eecf2ce2e8da2e15c06d463aae9b84cb2530a00b932e4bbc484cde353';

/**
 * The two BlockchainTests with `"sealEngine": "Ethash"` in ethereum-tests v7.0.0
 * (`BlockchainTests/InvalidBlocks/bcInvalidHeaderTest/wrongMixHash.json` and `wrongNonce.json`,
 * network Istanbul, filled by aleth 1.8.0). Both carry the same block 1 (on their test genesis
 * `0x66104b0a…7386`, difficulty 0x20040), each mined separately and then given a broken mix hash
 * or a broken nonce; both must be rejected. The header below has their common fields;
 * `FIXTURE_HEADER_HASHES` are the keccak-256 of the two headers' RLP as the fixtures encode them,
 * so that the fields are checked against the archive's bytes.
 */
const FIXTURE_HEADER_HASHES = {
  wrongMixHash: '0xaa02c38e7a4f4ade9d43dae6d2ef952a3ddae9768a8e743e532cd5ba5bbff8bf',
  wrongNonce: '0x418261845b59e66f40674a5068d39731e5e5ecec0a1e6e3fef3f455bd3b23019',
};
const FIXTURE_BLOCK_1: Omit<HeaderFields, 'mixHash' | 'nonce'> = {
  parentHash: '0x66104b0a4a5286d1eb5fdae40606edf36cc2d15f9e046d55eebe9a8fdf217386',
  ommersHash: '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347',
  coinbase: '0x8888f1f195afa192cfee860698584c030f4c9db1',
  stateRoot: '0xda68013fa88783cd4dae287c5d8bafd03ca3ca3977a28b6379146467e6b405b7',
  transactionsRoot: '0xc590d5598e571c0acebad12175f241738803400f57cfb272e595999dbbfd08d7',
  receiptsRoot: '0x21f4ebc5b0fb1ad80a00f78d04e67d1b30af68cecb3a8a2bf55247f11df1e3ed',
  logsBloom:
    '0x00000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000000000800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000040000000000000000000000000000000000000000000000000000000',
  difficulty: '0x20040',
  number: '0x1',
  gasLimit: '0x2fefba',
  gasUsed: '0x560b',
  timestamp: '0x54c98c82',
  extraData: '0xd68094312e382e302b2b32666531726c696e7578676e75',
};
const WRONG_MIX_HASH: HeaderFields = { ...FIXTURE_BLOCK_1, mixHash: '0xbad81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421', nonce: '0x51fa022234c9e94f' };
const WRONG_NONCE: HeaderFields = { ...FIXTURE_BLOCK_1, mixHash: '0xd3ad0c763399a30b00b10cc99e1af0f2379cdf7e6d148ee05dd05b3522eb64aa', nonce: '0x0102030405060708' };

function flipLastBit(hex: Hex): Uint8Array {
  const bytes = hexToBytes(hex);
  bytes[bytes.length - 1] ^= 1;
  return bytes;
}

// The first test builds the epoch-0 cache (under a second alone); the limit only catches a hang.
describe('Ethash light verification, epoch 0', { timeout: 120_000 }, () => {
  it('builds the epoch-0 cache of the PoW tests', async () => {
    const cache = await ethash.cacheFor(0n);
    expect(cache.bytes.length).toBe(16_776_896);
    expect(bytesToHex(keccak256(cache.bytes))).toBe(EPOCH_0_CACHE_HASH);
  });

  it.each(POW_TESTS)('yields the mix digest and result of PoW test "$name"', async (test) => {
    const cache = await ethash.cacheFor(0n);
    const { mixDigest, result } = computeHashimotoLight(cache, hexToBytes(test.headerHash), hexToBytes(test.nonce));
    expect(bytesToHex(mixDigest)).toBe(test.mixHash);
    expect(bytesToHex(result)).toBe(test.result);
  });

  it.each(EPOCH_0_BLOCKS)('accepts the seal of $name', async ({ header, hash }) => {
    expect(bytesToHex(blockHash(header))).toBe(hash);
    expect(await ethash.verifySeal(sealInput(header))).toEqual({ valid: true });
  });

  it.each(EPOCH_0_BLOCKS)('rejects $name with a flipped nonce or mix hash', async ({ header }) => {
    const withNonce = await ethash.verifySeal({ ...sealInput(header), nonce: flipLastBit(header.nonce) });
    expect(withNonce).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
    const withMix = await ethash.verifySeal({ ...sealInput(header), mixHash: flipLastBit(header.mixHash) });
    expect(withMix).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
    if (!withMix.valid) expect(withMix.reason).toContain(`does not match the computed mix digest ${header.mixHash}`);
  });

  it('applies the boundary 2^256 / difficulty inclusively', async () => {
    const input = sealInput(EPOCH_0_BLOCKS[0].header);
    const cache = await ethash.cacheFor(input.number);
    const result = bytesToBigInt(computeHashimotoLight(cache, input.sealHash, input.nonce).result);
    // The hardest difficulty whose boundary still admits this result, and the next one.
    const hardest = (1n << 256n) / result;
    expect(await ethash.verifySeal({ ...input, difficulty: hardest })).toEqual({ valid: true });
    const tooHard = await ethash.verifySeal({ ...input, difficulty: hardest + 1n });
    expect(tooHard).toMatchObject({ valid: false, code: 'DIFFICULTY_NOT_MET' });
    if (!tooHard.valid) expect(tooHard.reason).toContain(`exceeds the boundary 2^256 / ${hardest + 1n}`);
  });

  describe('ethereum-tests v7.0.0 sealEngine Ethash blocks', () => {
    it('rejects wrongMixHash_Istanbul', async () => {
      expect(bytesToHex(blockHash(WRONG_MIX_HASH))).toBe(FIXTURE_HEADER_HASHES.wrongMixHash);
      expect(await ethash.verifySeal(sealInput(WRONG_MIX_HASH))).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
    });

    it('rejects wrongNonce_Istanbul', async () => {
      expect(bytesToHex(blockHash(WRONG_NONCE))).toBe(FIXTURE_HEADER_HASHES.wrongNonce);
      expect(await ethash.verifySeal(sealInput(WRONG_NONCE))).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
    });

    it('finds that wrongMixHash_Istanbul kept its mined nonce: only the mix hash was broken', async () => {
      // The result meeting the difficulty by chance has odds of 1 in 131,136: the nonce aleth
      // mined is intact, and hashimoto reproduces the work it found.
      const input = sealInput(WRONG_MIX_HASH);
      const { mixDigest, result } = await ethash.hashimoto(input.number, input.sealHash, input.nonce);
      expect(bytesToBigInt(result) <= (1n << 256n) / input.difficulty).toBe(true);
      expect(await ethash.verifySeal({ ...input, mixHash: mixDigest })).toEqual({ valid: true });
    });
  });
});
