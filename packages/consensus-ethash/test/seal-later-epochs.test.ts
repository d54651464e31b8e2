import { bytesToHex } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { Ethash } from '../src/index';
import { blockHash, sealInput } from './header';
import { EPOCH_1_BLOCKS, LONDON_BLOCK } from './mainnet-vectors';

// One cache at a time (the London block's epoch-432 cache alone is 70 MiB); the tests are ordered
// so that each epoch is built once.
const ethash = new Ethash({ cacheCapacity: 1 });

// Building the epoch-432 cache takes about 3 s alone; the limit only catches a hang on a busy machine.
describe('Ethash light verification past epoch 0', { timeout: 180_000 }, () => {
  it.each(EPOCH_1_BLOCKS)('accepts the seal of $name', async ({ header, hash }) => {
    if (hash !== undefined) expect(bytesToHex(blockHash(header))).toBe(hash);
    expect(await ethash.verifySeal(sealInput(header))).toEqual({ valid: true });
  });

  it('rejects an epoch-1 seal checked against the wrong block number (another epoch)', async () => {
    const input = sealInput(EPOCH_1_BLOCKS[0].header);
    expect(await ethash.verifySeal({ ...input, number: input.number - 30_000n })).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
  });

  it('accepts the seal of the London fork block, whose seal hash covers the base fee', async () => {
    const input = sealInput(LONDON_BLOCK.header);
    expect((await ethash.cacheFor(input.number)).epoch).toBe(432);
    expect(await ethash.verifySeal(input)).toEqual({ valid: true });
    // Leaving the base fee out of the seal hash must break the seal.
    const withoutBaseFee = sealInput({ ...LONDON_BLOCK.header, baseFee: undefined });
    expect(await ethash.verifySeal(withoutBaseFee)).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
  });
});
