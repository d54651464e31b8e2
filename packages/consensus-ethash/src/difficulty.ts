import { Fork, ValueError } from '@cairn/common';

/** No block's difficulty may fall below this (Yellow Paper D_0). */
export const MINIMUM_DIFFICULTY = 131_072n;
/** A block moves its parent's difficulty by multiples of 1/2048 of it. */
const BOUND_DIVISOR = 2048n;
/** The ice age doubles its addition every 100,000 blocks. */
const BOMB_PERIOD = 100_000n;
/** The largest downward step, in multiples of parent difficulty / 2048 (EIP-2). */
const MAX_DECREASE = -99n;

/**
 * How many blocks the difficulty bomb's clock runs behind the real block number: EIP-649
 * (Byzantium), EIP-1234 (Constantinople), EIP-2384 (Muir Glacier), EIP-3554 (London), EIP-4345
 * (Arrow Glacier), EIP-5133 (Gray Glacier). Each fork keeps the delay of the last one that set it.
 */
export function bombDelay(fork: Fork): bigint {
  if (fork >= Fork.GrayGlacier) return 11_400_000n;
  if (fork >= Fork.ArrowGlacier) return 10_700_000n;
  if (fork >= Fork.London) return 9_700_000n;
  if (fork >= Fork.MuirGlacier) return 9_000_000n;
  if (fork >= Fork.Constantinople) return 5_000_000n;
  if (fork >= Fork.Byzantium) return 3_000_000n;
  return 0n;
}

/** What the difficulty of a new block depends on. */
export interface DifficultyInput {
  /** The fork of the new block. */
  readonly fork: Fork;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly parentDifficulty: bigint;
  readonly parentTimestamp: bigint;
  /** Whether the parent included uncles (its ommers hash is not that of the empty list). */
  readonly parentHasUncles: boolean;
}

/**
 * The difficulty a proof-of-work block must carry (Yellow Paper 4.3.4 with EIP-2 and EIP-100):
 * the parent's, moved by 1/2048 of it per step of the block time away from the target, at least
 * `MINIMUM_DIFFICULTY`, plus the exponential bomb. Blocks from Paris on carry zero (EIP-3675).
 */
export function calcDifficulty(input: DifficultyInput): bigint {
  const { fork, number, timestamp, parentDifficulty, parentTimestamp } = input;
  if (number < 1n) throw new ValueError(`block ${number} has no parent to take a difficulty from`);
  if (timestamp < parentTimestamp) throw new ValueError(`timestamp ${timestamp} is before the parent's ${parentTimestamp}`);
  if (parentDifficulty < 0n) throw new ValueError(`parent difficulty ${parentDifficulty} is negative`);
  if (fork >= Fork.Paris) return 0n;

  const elapsed = timestamp - parentTimestamp;
  let steps: bigint;
  if (fork >= Fork.Byzantium) steps = (input.parentHasUncles ? 2n : 1n) - elapsed / 9n;
  else if (fork >= Fork.Homestead) steps = 1n - elapsed / 10n;
  else steps = elapsed < 13n ? 1n : -1n;
  if (steps < MAX_DECREASE) steps = MAX_DECREASE;

  let difficulty = parentDifficulty + (parentDifficulty / BOUND_DIVISOR) * steps;
  if (difficulty < MINIMUM_DIFFICULTY) difficulty = MINIMUM_DIFFICULTY;

  const bombClock = number - bombDelay(fork);
  const periods = bombClock > 0n ? bombClock / BOMB_PERIOD : 0n;
  if (periods > 1n) difficulty += 1n << (periods - 2n);
  return difficulty;
}
