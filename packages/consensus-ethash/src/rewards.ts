import { Fork, ValueError } from '@cairn/common';

const ETHER = 10n ** 18n;

/** How many generations back an uncle may be (Yellow Paper 11.1, the ommer validity rule). */
export const MAX_UNCLE_DEPTH = 6n;

/**
 * The static block reward of a proof-of-work fork: 5 ether from Frontier, 3 from Byzantium
 * (EIP-649), 2 from Constantinople (EIP-1234), nothing from Paris (EIP-3675: no mining).
 */
export function blockReward(fork: Fork): bigint {
  if (fork >= Fork.Paris) return 0n;
  if (fork >= Fork.Constantinople) return 2n * ETHER;
  if (fork >= Fork.Byzantium) return 3n * ETHER;
  return 5n * ETHER;
}

/** An amount of wei to add to an account's balance when a block is finalised. */
export interface RewardCredit {
  readonly address: Uint8Array;
  readonly amount: bigint;
}

/** The parts of a block that decide its rewards. */
export interface RewardedBlock {
  readonly fork: Fork;
  readonly number: bigint;
  readonly coinbase: Uint8Array;
  readonly uncles: readonly { readonly number: bigint; readonly coinbase: Uint8Array }[];
}

/**
 * The balance credits of a block (Yellow Paper 11.3): the miner gets the block reward plus 1/32 of
 * it for each uncle included, and each uncle's miner gets (8 + uncle number - block number) / 8
 * of it, so 7/8 for an uncle one block back down to 2/8 for six back. Credits come in order,
 * the block's miner first, then one per uncle, each its own entry even when addresses repeat, as
 * the state applies them one after another. From Paris on there is nothing to credit and a block
 * with uncles is refused.
 */
export function blockRewards(block: RewardedBlock): RewardCredit[] {
  const reward = blockReward(block.fork);
  if (reward === 0n) {
    if (block.uncles.length > 0) throw new ValueError(`a ${Fork[block.fork]} block cannot have uncles`);
    return [];
  }
  const credits: RewardCredit[] = [{ address: block.coinbase, amount: reward + (reward / 32n) * BigInt(block.uncles.length) }];
  for (const uncle of block.uncles) {
    const depth = block.number - uncle.number;
    if (depth < 1n || depth > MAX_UNCLE_DEPTH) {
      throw new ValueError(`uncle ${uncle.number} of block ${block.number} is not 1 to ${MAX_UNCLE_DEPTH} generations back`);
    }
    credits.push({ address: uncle.coinbase, amount: ((8n - depth) * reward) / 8n });
  }
  return credits;
}
