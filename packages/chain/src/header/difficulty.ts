import { equalBytes, type ForkRules } from '@cairn/common';
import { EMPTY_OMMERS_HASH } from './ommers';

/** What the difficulty of a block depends on in its parent. */
export interface DifficultyParent {
  readonly difficulty: bigint;
  readonly timestamp: bigint;
  readonly ommersHash: Uint8Array;
}

/** Chain parameters of the difficulty formula that differ between networks. */
export interface DifficultyOptions {
  /**
   * Before Homestead, the block time under which difficulty rises: 13 seconds on mainnet
   * (the default), 8 on the Olympic test network.
   */
  readonly frontierDurationLimit?: bigint;
}

/** The lowest difficulty a proof-of-work block may have (the Yellow Paper's D0). */
export const MINIMUM_DIFFICULTY = 131072n;
const BOUND_DIVISOR = 2048n;
/** Every this many blocks the difficulty bomb doubles. */
const BOMB_PERIOD = 100_000n;

/**
 * How far each bomb-delaying EIP moves the bomb back, newest first: the rules' newest such EIP
 * applies. Byzantium 3M (EIP-649), Constantinople 5M (EIP-1234), Muir Glacier 9M (EIP-2384),
 * London 9.7M (EIP-3554), Arrow Glacier 10.7M (EIP-4345), Gray Glacier 11.4M (EIP-5133).
 */
const BOMB_DELAYS: readonly (readonly [eip: number, delay: bigint])[] = [
  [5133, 11_400_000n],
  [4345, 10_700_000n],
  [3554, 9_700_000n],
  [2384, 9_000_000n],
  [1234, 5_000_000n],
  [649, 3_000_000n],
];

/** The bomb delay under `rules`: 0 before Byzantium. */
export function bombDelay(rules: ForkRules): bigint {
  return BOMB_DELAYS.find(([eip]) => rules.has(eip))?.[1] ?? 0n;
}

/**
 * The factor by which the parent's difficulty / 2048 is added: Frontier +1 below the duration
 * limit, else -1; Homestead (EIP-2) 1 - Δt/10; Byzantium (EIP-100) 1 or 2 (parent with ommers) - Δt/9;
 * never below -99 from Homestead on.
 */
function adjustment(rules: ForkRules, elapsed: bigint, parent: DifficultyParent, durationLimit: bigint): bigint {
  let factor: bigint;
  if (rules.has(100)) factor = (equalBytes(parent.ommersHash, EMPTY_OMMERS_HASH) ? 1n : 2n) - elapsed / 9n;
  else if (rules.has(2)) factor = 1n - elapsed / 10n;
  else return elapsed < durationLimit ? 1n : -1n;
  return factor < -99n ? -99n : factor;
}

/**
 * The proof-of-work difficulty of block `number` at `timestamp` (Yellow Paper section 4.3.4,
 * with EIP-2, EIP-100 and the bomb delays): the parent's difficulty adjusted for the time
 * since the parent, plus the bomb 2^(⌊n'/100000⌋ - 2) where n' is the number less the delay,
 * and at least 131072. As in the Yellow Paper, the minimum is applied after the bomb is added.
 */
export function calculateDifficulty(rules: ForkRules, number: bigint, timestamp: bigint, parent: DifficultyParent, options: DifficultyOptions = {}): bigint {
  const elapsed = timestamp - parent.timestamp;
  const factor = adjustment(rules, elapsed, parent, options.frontierDurationLimit ?? 13n);
  let difficulty = parent.difficulty + (parent.difficulty / BOUND_DIVISOR) * factor;
  const delayed = number - bombDelay(rules);
  const periods = (delayed < 0n ? 0n : delayed) / BOMB_PERIOD;
  if (periods > 1n) difficulty += 1n << (periods - 2n);
  return difficulty < MINIMUM_DIFFICULTY ? MINIMUM_DIFFICULTY : difficulty;
}
