import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { calculateDifficulty, type DifficultyOptions, EMPTY_OMMERS_HASH } from '@cairn/chain';
import { ChainConfig, Fork, type ForkActivation, hexToBytes } from '@cairn/common';
import type { CaseReporter } from '../reporter';
import { type RunOptions, type Suite, selected } from '../suite';

interface DifficultyCase {
  readonly parentTimestamp: string;
  readonly parentDifficulty: string;
  readonly parentUncles?: string;
  readonly currentTimestamp: string;
  readonly currentBlockNumber: string;
  readonly currentDifficulty: string;
}

const byBlock = (entries: [Fork, bigint][]): ForkActivation[] => entries.map(([fork, block]) => ({ fork, block }));

/** The fork blocks of the networks the files are named after (historical facts of each chain). */
const MAINNET = byBlock([
  [Fork.Homestead, 1_150_000n],
  [Fork.DAO, 1_920_000n],
  [Fork.TangerineWhistle, 2_463_000n],
  [Fork.SpuriousDragon, 2_675_000n],
  [Fork.Byzantium, 4_370_000n],
  [Fork.Constantinople, 7_280_000n],
  [Fork.Petersburg, 7_280_000n],
  [Fork.Istanbul, 9_069_000n],
  [Fork.MuirGlacier, 9_200_000n],
  [Fork.Berlin, 12_244_000n],
  [Fork.London, 12_965_000n],
  [Fork.ArrowGlacier, 13_773_000n],
  [Fork.GrayGlacier, 15_050_000n],
]);
const ROPSTEN = byBlock([
  [Fork.TangerineWhistle, 0n],
  [Fork.SpuriousDragon, 10n],
  [Fork.Byzantium, 1_700_000n],
  [Fork.Constantinople, 4_230_000n],
  [Fork.Petersburg, 4_939_394n],
  [Fork.Istanbul, 6_485_846n],
  [Fork.MuirGlacier, 7_117_117n],
]);
const MORDEN = byBlock([[Fork.Homestead, 494_000n]]);
const fromGenesis = (fork: Fork) => byBlock([[fork, 0n]]);

/** Which chain each file's expectations were computed for. */
interface Network {
  readonly network: string;
  readonly schedule: ForkActivation[];
  readonly options?: DifficultyOptions;
}

const FILE_SCHEDULES: Readonly<Record<string, Network>> = {
  'difficulty.json': { network: 'MainNetwork', schedule: MAINNET },
  'difficultyFrontier.json': { network: 'Frontier', schedule: [] },
  // The Olympic test network (2015) raised difficulty only for blocks under 8 seconds.
  'difficultyOlimpic.json': { network: 'Olimpic', schedule: [], options: { frontierDurationLimit: 8n } },
  'difficultyHomestead.json': { network: 'Homestead', schedule: fromGenesis(Fork.Homestead) },
  'difficultyCustomHomestead.json': { network: 'Homestead', schedule: fromGenesis(Fork.Homestead) },
  'difficultyByzantium.json': { network: 'Byzantium', schedule: fromGenesis(Fork.Byzantium) },
  'difficultyConstantinople.json': { network: 'Constantinople', schedule: fromGenesis(Fork.Constantinople) },
  'difficultyEIP2384.json': { network: 'MuirGlacier', schedule: fromGenesis(Fork.MuirGlacier) },
  'difficultyEIP2384_random.json': { network: 'MuirGlacier', schedule: fromGenesis(Fork.MuirGlacier) },
  'difficultyEIP2384_random_to20M.json': { network: 'MuirGlacier', schedule: fromGenesis(Fork.MuirGlacier) },
  'difficultyMainNetwork.json': { network: 'MainNetwork', schedule: MAINNET },
  'difficultyCustomMainNetwork.json': { network: 'MainNetwork', schedule: MAINNET },
  'difficultyRopsten.json': { network: 'Ropsten', schedule: ROPSTEN },
  'difficultyMorden.json': { network: 'Morden', schedule: MORDEN },
};

/**
 * BasicTests/difficulty*.json: the difficulty of a block from its number and timestamp and its
 * parent's difficulty, timestamp and ommers, under the rules of the network the file is named
 * after. BasicTests also holds files that are not difficulty tests (key and RLP samples); they
 * belong to no suite yet and are left alone here.
 */
export const difficultySuite: Suite = {
  name: 'difficulty',
  folders: ['BasicTests'],
  runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const name = basename(file);
    if (!/^difficulty.*\.json$/.test(name)) return;
    const known = FILE_SCHEDULES[name];
    if (!known) {
      reporter.fail({ file }, `no network is known for ${name}`);
      return;
    }
    const config = new ChainConfig({ chainId: 1n, schedule: known.schedule, consensus: { engine: 'ethash' } });
    const cases = JSON.parse(readFileSync(path, 'utf8')) as Record<string, DifficultyCase>;
    for (const [test, c] of Object.entries(cases)) {
      if (!selected(options, file, test)) continue;
      const id = { file, test, fork: known.network };
      try {
        const number = BigInt(c.currentBlockNumber);
        const parent = {
          difficulty: BigInt(c.parentDifficulty),
          timestamp: BigInt(c.parentTimestamp),
          ommersHash: c.parentUncles ? hexToBytes(c.parentUncles) : EMPTY_OMMERS_HASH,
        };
        const rules = config.rulesAt(number, BigInt(c.currentTimestamp));
        const actual = calculateDifficulty(rules, number, BigInt(c.currentTimestamp), parent, known.options);
        const expected = BigInt(c.currentDifficulty);
        if (actual === expected) reporter.pass(id);
        else reporter.fail(id, `difficulty ${actual}, expected ${expected} (block ${number} at ${rules})`);
      } catch (error) {
        reporter.fail(id, `could not be run: ${(error as Error).message}`);
      }
    }
  },
};
