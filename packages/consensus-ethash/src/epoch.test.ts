import { bytesToHex, keccak256 } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { MAX_EPOCH, cacheSize, datasetSize, epochOf, seedHash } from './epoch';

// Sizes from the tables the reference implementations publish (go-ethereum's cacheSizes and
// datasetSizes, ethash's data_sizes.h): the prime search must reproduce them exactly.
describe('Ethash sizes', () => {
  it('matches the published cache sizes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(cacheSize)).toEqual([16776896, 16907456, 17039296, 17170112, 17301056, 17432512, 17563072]);
    expect(cacheSize(2046)).toBe(284950208);
    expect(cacheSize(MAX_EPOCH)).toBe(285081536);
  });

  it('matches the published dataset sizes', () => {
    expect([0, 1, 2, 3, 4].map(datasetSize)).toEqual([1073739904, 1082130304, 1090514816, 1098906752, 1107293056]);
    expect(datasetSize(2046)).toBe(18236833408);
    expect(datasetSize(MAX_EPOCH)).toBe(18245220736);
  });

  it('keeps every size a whole number of items', () => {
    for (const epoch of [0, 17, 432, 516, MAX_EPOCH]) {
      expect(cacheSize(epoch) % 64).toBe(0);
      expect(datasetSize(epoch) % 128).toBe(0);
    }
  });
});

describe('Ethash epochs and seeds', () => {
  it('changes epoch every 30,000 blocks', () => {
    expect([0n, 29_999n, 30_000n, 59_999n, 60_000n, 12_965_000n].map(epochOf)).toEqual([0, 0, 1, 1, 2, 432]);
  });

  it('chains keccak-256 from 32 zero bytes', () => {
    expect(seedHash(0)).toEqual(new Uint8Array(32));
    expect(bytesToHex(seedHash(1))).toBe('0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563');
    expect(seedHash(3)).toEqual(keccak256(seedHash(2)));
  });
});
