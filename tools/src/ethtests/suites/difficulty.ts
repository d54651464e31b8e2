import { ChainConfig, Fork } from '@cairn/common';
import { MINIMUM_DIFFICULTY, calcDifficulty } from '@cairn/consensus-ethash';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaseReporter } from '../reporter';
import { type RunOptions, type Suite, selected } from '../suite';

interface DifficultyTest {
  readonly parentTimestamp: string;
  readonly parentDifficulty: string;
  readonly parentUncles?: string;
  readonly currentTimestamp: string;
  readonly currentBlockNumber: string;
  readonly currentDifficulty: string;
}

const EMPTY_UNCLES_HASH = '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347';

function byBlock(schedule: readonly [Fork, number][]): ChainConfig {
  return new ChainConfig({ chainId: 1n, schedule: schedule.map(([fork, block]) => ({ fork, block: BigInt(block) })), consensus: { engine: 'ethash' } });
}

/** Mainnet's proof-of-work fork blocks. */
const MAINNET = byBlock([
  [Fork.Homestead, 1_150_000],
  [Fork.DAO, 1_920_000],
  [Fork.TangerineWhistle, 2_463_000],
  [Fork.SpuriousDragon, 2_675_000],
  [Fork.Byzantium, 4_370_000],
  [Fork.Constantinople, 7_280_000],
  [Fork.Petersburg, 7_280_000],
  [Fork.Istanbul, 9_069_000],
  [Fork.MuirGlacier, 9_200_000],
  [Fork.Berlin, 12_244_000],
  [Fork.London, 12_965_000],
  [Fork.ArrowGlacier, 13_773_000],
  [Fork.GrayGlacier, 15_050_000],
]);

/** Ropsten's fork blocks (Homestead and Tangerine Whistle from genesis). */
const ROPSTEN = byBlock([
  [Fork.TangerineWhistle, 0],
  [Fork.SpuriousDragon, 10],
  [Fork.Byzantium, 1_700_000],
  [Fork.Constantinople, 4_230_000],
  [Fork.Petersburg, 4_939_394],
  [Fork.Istanbul, 6_485_846],
  [Fork.MuirGlacier, 7_117_117],
  [Fork.Berlin, 9_812_189],
  [Fork.London, 10_499_401],
]);

/**
 * The chain each BasicTests difficulty file is written for, by file name. `difficultyOlimpic.json`
 * is left out: Olympic, the test network before Frontier, used difficulty parameters of its own.
 */
const CHAINS: Readonly<Record<string, ChainConfig>> = {
  'difficulty.json': MAINNET,
  'difficultyMainNetwork.json': MAINNET,
  'difficultyCustomMainNetwork.json': MAINNET,
  'difficultyRopsten.json': ROPSTEN,
  'difficultyMorden.json': byBlock([[Fork.Homestead, 494_000]]),
  'difficultyFrontier.json': ChainConfig.forFork(Fork.Frontier),
  'difficultyHomestead.json': ChainConfig.forFork(Fork.Homestead),
  'difficultyCustomHomestead.json': ChainConfig.forFork(Fork.Homestead),
  'difficultyByzantium.json': ChainConfig.forFork(Fork.Byzantium),
  'difficultyConstantinople.json': ChainConfig.forFork(Fork.Constantinople),
  'difficultyEIP2384.json': ChainConfig.forFork(Fork.MuirGlacier),
  'difficultyEIP2384_random.json': ChainConfig.forFork(Fork.MuirGlacier),
  'difficultyEIP2384_random_to20M.json': ChainConfig.forFork(Fork.MuirGlacier),
};

/** Fixture quantities are hex with `0x`, or decimal in the oldest file. */
const quantity = (text: string) => BigInt(text);

/**
 * BasicTests `difficulty*.json`: the difficulty of a block from its parent's difficulty, timestamp
 * and uncles, its own timestamp and number, under the chain each file names.
 */
export const difficultySuite: Suite = {
  name: 'difficulty',
  folders: ['BasicTests'],
  runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const name = basename(file);
    if (!name.startsWith('difficulty')) return;
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, DifficultyTest>;
    const chain = CHAINS[name];
    for (const [test, fixture] of Object.entries(tests)) {
      if (!selected(options, file, test)) continue;
      const id = { file, test };
      if (chain === undefined) {
        reporter.skip(id, `Cairn does not model the difficulty rules of the network of ${name}`);
        continue;
      }
      const parentDifficulty = quantity(fixture.parentDifficulty);
      if (parentDifficulty < MINIMUM_DIFFICULTY) {
        // No valid chain has such a parent. For it these fixtures (filled by aleth) apply the
        // minimum after the bomb; the Yellow Paper, geth and Besu apply it before.
        reporter.skip(id, `parent difficulty ${parentDifficulty} is below the minimum ${MINIMUM_DIFFICULTY}`);
        continue;
      }
      const number = quantity(fixture.currentBlockNumber);
      const timestamp = quantity(fixture.currentTimestamp);
      const fork = chain.forkAt(number, timestamp);
      if (options.fork !== undefined && Fork[fork] !== options.fork) continue;
      try {
        const actual = calcDifficulty({
          fork,
          number,
          timestamp,
          parentDifficulty,
          parentTimestamp: quantity(fixture.parentTimestamp),
          parentHasUncles: fixture.parentUncles !== undefined && fixture.parentUncles !== EMPTY_UNCLES_HASH,
        });
        const expected = quantity(fixture.currentDifficulty);
        if (actual === expected) reporter.pass({ ...id, fork: Fork[fork] });
        else reporter.fail({ ...id, fork: Fork[fork] }, `difficulty ${actual}, expected ${expected}`);
      } catch (error) {
        reporter.fail(id, `unexpected error: ${(error as Error).message}`);
      }
    }
  },
};
