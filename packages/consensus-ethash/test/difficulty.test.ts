import { Fork, ValueError, hexToBigInt } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { type DifficultyInput, MINIMUM_DIFFICULTY, bombDelay, calcDifficulty } from '../src/index';
import { EPOCH_0_BLOCKS } from './mainnet-vectors';

/**
 * Cases of ethereum-tests v7.0.0 `BasicTests/difficulty*.json` (each file's whole set runs in the
 * `difficulty` conformance suite): a parent with uncles at each fork from Homestead, where they
 * start to count at Byzantium (EIP-100), the bomb at block 2,000,000 under Homestead, and the bomb
 * 8 million blocks past Muir Glacier's delay.
 */
const FIXTURE_CASES: readonly (DifficultyInput & { source: string; difficulty: bigint })[] = [
  { source: 'difficultyHomestead.json DifficultyTest148', fork: Fork.Homestead, number: 0x0186a0n, timestamp: 0x057f42a404n, parentTimestamp: 0x057f42a402n, parentDifficulty: 0x4a802a54643cf997n, parentHasUncles: true, difficulty: 0x4a897a59aec98136n },
  { source: 'difficultyHomestead.json DifficultyTest20', fork: Fork.Homestead, number: 0x1e8480n, timestamp: 0x04fda71958n, parentTimestamp: 0x04fda71958n, parentDifficulty: 0x548dd5911d49aa2cn, parentHasUncles: false, difficulty: 0x5498674bcf715361n },
  { source: 'difficultyByzantium.json DifficultyTest148', fork: Fork.Byzantium, number: 0x0186a0n, timestamp: 0x03b7f51c6cn, parentTimestamp: 0x03b7f51c6an, parentDifficulty: 0x4fc06421d3f2c7bcn, parentHasUncles: true, difficulty: 0x4fd4543adc67c46cn },
  { source: 'difficultyConstantinople.json DifficultyTest148', fork: Fork.Constantinople, number: 0x0186a0n, timestamp: 0x6996db07n, parentTimestamp: 0x6996db05n, parentDifficulty: 0x266a64c31946beb1n, parentHasUncles: true, difficulty: 0x2673ff5c4a0d105fn },
  { source: 'difficultyEIP2384_random_to20M.json TestHeight17058066', fork: Fork.MuirGlacier, number: 0x1044912n, timestamp: 0x6c2e75d8n, parentTimestamp: 0x6c2e75b3n, parentDifficulty: 0x454137575230f36en, parentHasUncles: true, difficulty: 0x4000452fe7097c5c6732n },
];

/** Mainnet genesis: difficulty 2^34 at timestamp 0. */
const GENESIS = { difficulty: 0x400000000n, timestamp: 0n };

describe('calcDifficulty', () => {
  it.each(FIXTURE_CASES)('matches $source', ({ source, difficulty, ...input }) => {
    expect(calcDifficulty(input)).toBe(difficulty);
  });

  it('gives mainnet blocks 1 to 3 the difficulty they carry', () => {
    let parent = GENESIS;
    for (const { header } of EPOCH_0_BLOCKS) {
      const block = { difficulty: hexToBigInt(header.difficulty), timestamp: hexToBigInt(header.timestamp) };
      const input = { fork: Fork.Frontier, number: hexToBigInt(header.number), timestamp: block.timestamp, parentDifficulty: parent.difficulty, parentTimestamp: parent.timestamp, parentHasUncles: false };
      expect(calcDifficulty(input)).toBe(block.difficulty);
      parent = block;
    }
  });

  const base: DifficultyInput = { fork: Fork.London, number: 100n, timestamp: 1_000n, parentDifficulty: MINIMUM_DIFFICULTY, parentTimestamp: 990n, parentHasUncles: false };

  it('never goes below the minimum, and adds the bomb after clamping', () => {
    expect(calcDifficulty({ ...base, timestamp: 100_000n })).toBe(MINIMUM_DIFFICULTY);
    // London's clock is 9,700,000 behind: 300,000 blocks past it is period 3, adding 2^1.
    expect(calcDifficulty({ ...base, number: 10_000_000n, timestamp: 100_000n })).toBe(MINIMUM_DIFFICULTY + 2n);
  });

  it('is zero from Paris on', () => {
    expect(calcDifficulty({ ...base, fork: Fork.Paris })).toBe(0n);
  });

  it('refuses a block without a parent or older than its parent', () => {
    expect(() => calcDifficulty({ ...base, number: 0n })).toThrow(ValueError);
    expect(() => calcDifficulty({ ...base, timestamp: 989n })).toThrow(/before the parent/);
  });

  it('delays the bomb per fork', () => {
    expect([Fork.Homestead, Fork.Byzantium, Fork.Petersburg, Fork.Berlin, Fork.London, Fork.ArrowGlacier, Fork.GrayGlacier].map(bombDelay)).toEqual([
      0n, 3_000_000n, 5_000_000n, 9_000_000n, 9_700_000n, 10_700_000n, 11_400_000n,
    ]);
  });
});
