import { KECCAK256_EMPTY, bigintToFixedBytes, concatBytes, keccak256 } from '@cairn/common';
import type { AccountChange, BlockRef } from '../../src/state/types';

/** The seeded block workload of the pruning tests (and of scripts/pruning-workload.ts). */
export interface WorkloadOptions {
  readonly seed: number;
  /** How many distinct accounts the blocks draw from. */
  readonly accounts: number;
  /** Accounts changed per block. */
  readonly changesPerBlock: number;
  /** Storage slots written per changed account. */
  readonly slotsPerChange: number;
}

const CODES = [Uint8Array.of(0x60, 0x00, 0x56), new Uint8Array(200).fill(0x5b), new Uint8Array(3000).map((_, i) => i & 0xff)];
/** Small pools, so that identical leaves and values are written again and again. */
const BALANCES = [0n, 1n, 10n ** 18n, 5n * 10n ** 17n, 12345678901234567890n, 7n, 2n ** 100n, 999n];
const VALUES = [0n, 1n, 2n, 0xffn, 2n ** 255n, 424242n];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function accountAddress(index: number): Uint8Array {
  return keccak256(bigintToFixedBytes(BigInt(index), 32)).subarray(12);
}

export function blockHash(seed: number, number: number): Uint8Array {
  return number < 0 ? new Uint8Array(32) : keccak256(concatBytes(bigintToFixedBytes(BigInt(seed), 32), bigintToFixedBytes(BigInt(number), 32)));
}

/**
 * Block `number` of the workload: the same changes whatever state they meet (so that a process
 * that restarts can commit a block again). About 4% of changes delete an account, 4% destroy and
 * re-create it with fresh storage; every tenth account is a contract whose code is given with
 * each change; slot values include zero (a deletion).
 */
export function workloadBlock(options: WorkloadOptions, number: number): { block: BlockRef; changes: AccountChange[] } {
  const next = random(options.seed * 1_000_003 + number);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(options.changesPerBlock, options.accounts)) chosen.add(Math.floor(next() * options.accounts));
  const changes = [...chosen].map((index): AccountChange => {
    const address = accountAddress(index);
    const roll = next();
    if (roll < 0.04) return { address, account: null, storageCleared: true, storage: new Map() };
    const code = index % 10 === 0 ? CODES[index % CODES.length] : undefined;
    const storage = new Map<bigint, bigint>();
    for (let i = 0; i < options.slotsPerChange; i++) storage.set(BigInt(Math.floor(next() * 32)), VALUES[Math.floor(next() * VALUES.length)]);
    return {
      address,
      account: { nonce: BigInt(number % 5), balance: BALANCES[Math.floor(next() * BALANCES.length)], codeHash: code ? keccak256(code) : KECCAK256_EMPTY },
      storageCleared: roll < 0.08,
      storage,
      ...(code ? { code } : {}),
    };
  });
  return { block: { number: BigInt(number), hash: blockHash(options.seed, number), parentHash: blockHash(options.seed, number - 1) }, changes };
}
