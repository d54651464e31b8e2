import { crc32 } from 'node:zlib';
import { asBytes, asList, asUint, bigintToBytes, bigintToFixedBytes, type ChainConfig, equalBytes, type RlpValue } from '@cairn/common';
import { ProtocolError } from '../errors';

/** A fork identifier (EIP-2124): the checksum of genesis and passed forks, and the next fork. */
export interface ForkId {
  /** CRC32 (4 bytes, big-endian) of the genesis hash and each passed fork's block or time. */
  readonly hash: Uint8Array;
  /** The next scheduled fork's block or time, or 0 when none is known. */
  readonly next: bigint;
}

/** The result of checking a remote fork id against the local chain. */
export type ForkIdCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'remote-stale' | 'local-incompatible-or-stale' };

/** Where the local chain's head is: its block number and its timestamp. */
export interface ChainHead {
  readonly number: bigint;
  readonly timestamp: bigint;
}

/** EIP-6122: a fork value above this is a timestamp, below it a block number (mainnet's genesis time). */
const TIMESTAMP_THRESHOLD = 1438269973n;

function uniqueSorted(values: bigint[]): bigint[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The fork ids of one chain and their validation (EIP-2124, with EIP-6122's timestamp forks):
 * block forks then time forks, each deduplicated, leaving out those active at genesis.
 */
export class ForkIdSchedule {
  /** Block-activated forks, then time-activated ones. */
  private readonly blockForks: readonly bigint[];
  private readonly timeForks: readonly bigint[];
  /** `sums[i]` is the checksum with the first `i` forks applied; one more entry than forks. */
  private readonly sums: readonly Uint8Array[];

  constructor(genesisHash: Uint8Array, config: ChainConfig, genesisTimestamp = 0n) {
    this.blockForks = uniqueSorted(config.schedule.flatMap((a) => (a.block !== undefined && a.block > 0n ? [a.block] : [])));
    this.timeForks = uniqueSorted(config.schedule.flatMap((a) => (a.timestamp !== undefined && a.timestamp > genesisTimestamp ? [a.timestamp] : [])));
    let sum = crc32(genesisHash);
    const sums = [checksumBytes(sum)];
    for (const fork of this.forks) {
      sum = crc32(bigintToFixedBytes(fork, 8), sum);
      sums.push(checksumBytes(sum));
    }
    this.sums = sums;
  }

  private get forks(): bigint[] {
    return [...this.blockForks, ...this.timeForks];
  }

  /** The fork id a node with this head announces. */
  forkIdAt(head: ChainHead): ForkId {
    const forks = this.forks;
    const i = this.firstUnpassed(head);
    return { hash: this.sums[i], next: i < forks.length ? forks[i] : 0n };
  }

  /** Whether a peer announcing `remote` is on a compatible chain (the four rules of EIP-2124). */
  validate(remote: ForkId, head: ChainHead): ForkIdCheck {
    const forks = this.forks;
    const i = this.firstUnpassed(head);
    if (equalBytes(this.sums[i], remote.hash)) {
      // Same forks passed; refuse only when the remote's announced next fork already passed here.
      const passed = remote.next > 0n && (head.number >= remote.next || (remote.next > TIMESTAMP_THRESHOLD && head.timestamp >= remote.next));
      return passed ? { ok: false, reason: 'local-incompatible-or-stale' } : { ok: true };
    }
    for (let j = 0; j < i; j++) {
      // The remote is behind: it must at least know the fork that comes next for it.
      if (equalBytes(this.sums[j], remote.hash)) return forks[j] === remote.next ? { ok: true } : { ok: false, reason: 'remote-stale' };
    }
    for (let j = i + 1; j < this.sums.length; j++) {
      // The remote is ahead along forks this node knows: this node is syncing.
      if (equalBytes(this.sums[j], remote.hash)) return { ok: true };
    }
    return { ok: false, reason: 'local-incompatible-or-stale' };
  }

  /** Index of the first fork the head has not reached (the fork count when all are passed). */
  private firstUnpassed(head: ChainHead): number {
    let i = 0;
    for (const block of this.blockForks) {
      if (head.number < block) return i;
      i++;
    }
    for (const time of this.timeForks) {
      if (head.timestamp < time) return i;
      i++;
    }
    return i;
  }
}

function checksumBytes(sum: number): Uint8Array {
  return bigintToFixedBytes(BigInt(sum >>> 0), 4);
}

/** RLP form of a fork id: `[hash, next]`. */
export function encodeForkId(id: ForkId): RlpValue {
  return [id.hash, bigintToBytes(id.next)];
}

export function decodeForkId(value: RlpValue): ForkId {
  try {
    const [hash, next] = asList(value, 'fork id', 2);
    return { hash: asBytes(hash, 'fork hash', 4), next: asUint(next, 'fork next', 8) };
  } catch (error) {
    throw new ProtocolError(`malformed fork id: ${(error as Error).message}`, { cause: error });
  }
}
