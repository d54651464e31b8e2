import { ConfigError } from '../errors';
import { FIRST_TIMESTAMP_FORK, FORKS, Fork, forkName } from '../forks/fork';
import { type BlobParams, createForkRules, type ForkRules } from '../forks/rules';
import type { ConsensusConfig } from './consensus-config';

/** When one fork activates: at a block number, or (from Shanghai on) at a timestamp. */
export type ForkActivation =
  | { readonly fork: Fork; readonly block: bigint; readonly timestamp?: undefined }
  | { readonly fork: Fork; readonly timestamp: bigint; readonly block?: undefined };

export interface ChainConfigOptions {
  readonly chainId: bigint;
  /** Activations in any order; forks left out are implied by any later fork that is scheduled. */
  readonly schedule: readonly ForkActivation[];
  /** Total difficulty at which proof of work ends (the Merge), where Paris has no block. */
  readonly terminalTotalDifficulty?: bigint;
  /** Whether this chain took the DAO fork's balance moves at the DAO block (mainnet did). */
  readonly daoForkSupport?: boolean;
  readonly blobSchedule?: Partial<Record<Fork, BlobParams>>;
  readonly consensus: ConsensusConfig;
}

/**
 * A chain's fork schedule and consensus settings. For any block it yields one immutable
 * `ForkRules`, cached per fork so that everything built from rules is built once.
 */
export class ChainConfig {
  readonly chainId: bigint;
  readonly schedule: readonly ForkActivation[];
  readonly terminalTotalDifficulty: bigint | undefined;
  readonly daoForkSupport: boolean;
  readonly consensus: ConsensusConfig;
  private readonly blobSchedule: Partial<Record<Fork, BlobParams>>;
  private readonly rulesCache = new Map<Fork, ForkRules>();

  constructor(options: ChainConfigOptions) {
    this.chainId = options.chainId;
    this.schedule = [...options.schedule].sort((a, b) => a.fork - b.fork);
    this.terminalTotalDifficulty = options.terminalTotalDifficulty;
    this.daoForkSupport = options.daoForkSupport ?? true;
    this.consensus = options.consensus;
    this.blobSchedule = options.blobSchedule ?? {};
    this.validate();
  }

  /** A chain with every fork up to `fork` active from genesis, as most tests use. */
  static forFork(fork: Fork, chainId = 1n, consensus: ConsensusConfig = { engine: 'ethash' }): ChainConfig {
    const schedule: ForkActivation[] = FORKS.filter((f) => f <= fork).map((f) =>
      f >= FIRST_TIMESTAMP_FORK ? { fork: f, timestamp: 0n } : { fork: f, block: 0n },
    );
    return new ChainConfig({ chainId, schedule, consensus });
  }

  /**
   * The newest fork active at a block with this number and timestamp. Where the Merge is set by
   * terminal total difficulty rather than a block, the caller says whether the block is past it
   * (`merged`), since only the chain knows the total difficulty.
   */
  forkAt(number: bigint, timestamp: bigint, merged = false): Fork {
    let active = Fork.Frontier;
    for (const activation of this.schedule) {
      const reached = activation.block !== undefined ? number >= activation.block : timestamp >= activation.timestamp;
      if (reached) active = activation.fork;
    }
    return merged && active < Fork.Paris ? Fork.Paris : active;
  }

  /** The rules for a block with this number and timestamp (see `forkAt` for `merged`). */
  rulesAt(number: bigint, timestamp: bigint, merged = false): ForkRules {
    return this.rulesFor(this.forkAt(number, timestamp, merged));
  }

  /** The rules of `fork` on this chain. */
  rulesFor(fork: Fork): ForkRules {
    let rules = this.rulesCache.get(fork);
    if (!rules) {
      rules = createForkRules(fork, this.chainId, this.blobParamsFor(fork));
      this.rulesCache.set(fork, rules);
    }
    return rules;
  }

  /** The block at which `fork` activates, if it activates by block number. */
  activationBlock(fork: Fork): bigint | undefined {
    return this.schedule.find((a) => a.fork === fork)?.block;
  }

  /** The timestamp at which `fork` activates, if it activates by time. */
  activationTime(fork: Fork): bigint | undefined {
    return this.schedule.find((a) => a.fork === fork)?.timestamp;
  }

  private blobParamsFor(fork: Fork): BlobParams | undefined {
    let params: BlobParams | undefined;
    for (const f of FORKS) if (f <= fork && this.blobSchedule[f]) params = this.blobSchedule[f];
    return params;
  }

  private validate(): void {
    const issues: string[] = [];
    let lastBlock = -1n;
    let lastTime = -1n;
    for (const a of this.schedule) {
      const name = forkName(a.fork);
      if (a.block !== undefined) {
        if (a.fork >= FIRST_TIMESTAMP_FORK) issues.push(`${name} activates by timestamp, not by block`);
        if (a.block < lastBlock) issues.push(`${name} is scheduled at block ${a.block}, before an earlier fork`);
        if (lastTime >= 0n) issues.push(`${name} activates by block after a fork that activates by time`);
        lastBlock = a.block;
      } else {
        if (a.timestamp < lastTime) issues.push(`${name} is scheduled at time ${a.timestamp}, before an earlier fork`);
        lastTime = a.timestamp;
      }
    }
    if (new Set(this.schedule.map((a) => a.fork)).size !== this.schedule.length) issues.push('a fork is scheduled twice');
    if (issues.length > 0) throw new ConfigError('invalid fork schedule', issues);
  }
}
