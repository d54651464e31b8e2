import { Fork } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf } from '../../test/helpers';
import { ELASTICITY_MULTIPLIER, nextBaseFee } from './base-fee';
import { bombDelay, calculateDifficulty, MINIMUM_DIFFICULTY } from './difficulty';
import { EMPTY_OMMERS_HASH } from './ommers';

const parent = { difficulty: 1_000_000n, timestamp: 42n, ommersHash: EMPTY_OMMERS_HASH };

describe('difficulty', () => {
  it('delays the bomb by each fork’s EIP', () => {
    const delays = [Fork.Homestead, Fork.Byzantium, Fork.Petersburg, Fork.Berlin, Fork.London, Fork.ArrowGlacier, Fork.GrayGlacier].map((f) => bombDelay(rulesOf(f)));
    expect(delays).toEqual([0n, 3_000_000n, 5_000_000n, 9_000_000n, 9_700_000n, 10_700_000n, 11_400_000n]);
  });

  it('follows the BasicTests/difficulty.json examples', () => {
    // Frontier: +1/2048 under 13 seconds, -1/2048 otherwise; the bomb's first unit at block 200000.
    expect(calculateDifficulty(rulesOf(Fork.Frontier), 42n, 43n, parent)).toBe(1_000_488n);
    expect(calculateDifficulty(rulesOf(Fork.Frontier), 42n, 60n, parent)).toBe(999_512n);
    expect(calculateDifficulty(rulesOf(Fork.Frontier), 200_000n, 60n, parent)).toBe(999_513n);
    expect(calculateDifficulty(rulesOf(Fork.Frontier), 300_000n, 43n, parent)).toBe(1_000_490n);
  });

  it('counts the bomb from the delayed block number', () => {
    const london = rulesOf(Fork.London);
    // 9 seconds: Byzantium's rule leaves the difficulty unchanged, so only the bomb remains.
    expect(calculateDifficulty(london, 9_700_000n + 199_999n, 51n, parent)).toBe(1_000_000n);
    expect(calculateDifficulty(london, 9_700_000n + 200_000n, 51n, parent)).toBe(1_000_001n);
    expect(calculateDifficulty(london, 9_700_000n + 1_000_000n, 51n, parent)).toBe(1_000_000n + 2n ** 8n);
  });

  it('counts a parent with ommers from Byzantium and never goes below the minimum', () => {
    const withOmmers = { ...parent, ommersHash: new Uint8Array(32) };
    expect(calculateDifficulty(rulesOf(Fork.Byzantium), 1n, 51n, withOmmers)).toBe(1_000_000n + 488n);
    expect(calculateDifficulty(rulesOf(Fork.Byzantium), 1n, 51n, parent)).toBe(1_000_000n);
    expect(calculateDifficulty(rulesOf(Fork.Homestead), 1n, 42n + 10_000n, parent)).toBe(1_000_000n - 99n * 488n);
    expect(calculateDifficulty(rulesOf(Fork.Homestead), 1n, 1000n, { ...parent, difficulty: MINIMUM_DIFFICULTY })).toBe(MINIMUM_DIFFICULTY);
  });
});

describe('base fee', () => {
  const gasLimit = 30_000_000n;
  const target = gasLimit / ELASTICITY_MULTIPLIER;
  const baseFee = 1_000_000_000n;

  it('moves by at most 1/8 towards the gas target', () => {
    expect(nextBaseFee({ gasLimit, gasUsed: target, baseFeePerGas: baseFee })).toBe(baseFee);
    expect(nextBaseFee({ gasLimit, gasUsed: gasLimit, baseFeePerGas: baseFee })).toBe(1_125_000_000n);
    expect(nextBaseFee({ gasLimit, gasUsed: 0n, baseFeePerGas: baseFee })).toBe(875_000_000n);
    // Above the target the base fee rises by at least one wei.
    expect(nextBaseFee({ gasLimit, gasUsed: target + 1n, baseFeePerGas: 7n })).toBe(8n);
  });
});
