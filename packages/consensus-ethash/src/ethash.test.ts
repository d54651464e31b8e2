import { ValueError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { buildEpochCache } from './cache';
import { MAX_EPOCH } from './epoch';
import { Ethash, type SealInput } from './ethash';

// Checks that must answer before any cache is built: the injected build fails the test if called.
const ethash = new Ethash({
  buildCache: async (epoch) => {
    throw new Error(`no cache should be built, but epoch ${epoch} was requested`);
  },
});

const wellFormed: SealInput = {
  sealHash: new Uint8Array(32),
  nonce: new Uint8Array(8),
  mixHash: new Uint8Array(32),
  number: 1n,
  difficulty: 131_072n,
};

describe('Ethash.verifySeal on malformed or unverifiable input', () => {
  it('throws ValueError for fields of the wrong length or a negative number', async () => {
    await expect(ethash.verifySeal({ ...wellFormed, sealHash: new Uint8Array(31) })).rejects.toThrow(ValueError);
    await expect(ethash.verifySeal({ ...wellFormed, nonce: new Uint8Array(9) })).rejects.toThrow(/nonce must be 8 bytes/);
    await expect(ethash.verifySeal({ ...wellFormed, mixHash: new Uint8Array(0) })).rejects.toThrow(/mix hash must be 32 bytes/);
    await expect(ethash.verifySeal({ ...wellFormed, number: -1n })).rejects.toThrow(ValueError);
  });

  it('rejects a zero difficulty without hashing', async () => {
    expect(await ethash.verifySeal({ ...wellFormed, difficulty: 0n })).toEqual({
      valid: false,
      code: 'ZERO_DIFFICULTY',
      reason: 'difficulty 0 is not positive',
    });
  });

  it('rejects a block past the last supported epoch instead of allocating its cache', async () => {
    const check = await ethash.verifySeal({ ...wellFormed, number: 2n ** 64n - 1n });
    expect(check).toMatchObject({ valid: false, code: 'EPOCH_UNSUPPORTED' });
    expect(await ethash.verifySeal({ ...wellFormed, number: BigInt(MAX_EPOCH + 1) * 30_000n })).toMatchObject({ code: 'EPOCH_UNSUPPORTED' });
    await expect(ethash.cacheFor(BigInt(MAX_EPOCH + 1) * 30_000n)).rejects.toThrow(ValueError);
  });

  it('refuses to build the cache of an impossible epoch', async () => {
    await expect(buildEpochCache(-1)).rejects.toThrow(ValueError);
    await expect(buildEpochCache(0.5)).rejects.toThrow(ValueError);
    await expect(buildEpochCache(MAX_EPOCH + 1)).rejects.toThrow(ValueError);
  });
});
