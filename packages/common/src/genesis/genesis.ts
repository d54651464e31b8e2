import type { z } from 'zod';
import { ConfigError } from '../errors';
import { type ForkActivation, ChainConfig } from '../config/chain-config';
import type { ConsensusConfig } from '../config/consensus-config';
import { Fork } from '../forks/fork';
import type { BlobParams } from '../forks/rules';
import { hexToBytes } from '../bytes/hex';
import { type GenesisFileConfig, genesisSchema, normalizeKeys } from './genesis-schema';

/** One pre-funded account of a genesis file. */
export interface GenesisAccount {
  readonly address: Uint8Array;
  readonly balance: bigint;
  readonly nonce: bigint;
  readonly code: Uint8Array;
  /** Storage slots as [key, value] pairs, zero values left out. */
  readonly storage: readonly (readonly [bigint, bigint])[];
}

/** A parsed genesis file: the chain configuration, the genesis header's fields and the allocations. */
export interface Genesis {
  readonly config: ChainConfig;
  readonly nonce: bigint;
  readonly timestamp: bigint;
  readonly extraData: Uint8Array;
  readonly gasLimit: bigint;
  readonly difficulty: bigint;
  readonly mixHash: Uint8Array;
  readonly coinbase: Uint8Array;
  readonly number: bigint;
  readonly gasUsed: bigint;
  readonly parentHash: Uint8Array;
  readonly baseFeePerGas: bigint | undefined;
  readonly excessBlobGas: bigint | undefined;
  readonly blobGasUsed: bigint | undefined;
  readonly parentBeaconBlockRoot: Uint8Array | undefined;
  readonly alloc: readonly GenesisAccount[];
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

const BLOCK_FORKS: readonly (readonly [keyof GenesisFileConfig, Fork])[] = [
  ['homesteadblock', Fork.Homestead],
  ['daoforkblock', Fork.DAO],
  ['eip150block', Fork.TangerineWhistle],
  ['eip158block', Fork.SpuriousDragon],
  ['byzantiumblock', Fork.Byzantium],
  ['constantinopleblock', Fork.Constantinople],
  ['petersburgblock', Fork.Petersburg],
  ['constantinoplefixblock', Fork.Petersburg],
  ['istanbulblock', Fork.Istanbul],
  ['muirglacierblock', Fork.MuirGlacier],
  ['berlinblock', Fork.Berlin],
  ['londonblock', Fork.London],
  ['arrowglacierblock', Fork.ArrowGlacier],
  ['grayglacierblock', Fork.GrayGlacier],
  ['mergenetsplitblock', Fork.Paris],
];

const TIME_FORKS: readonly (readonly [keyof GenesisFileConfig, Fork])[] = [
  ['shanghaitime', Fork.Shanghai],
  ['cancuntime', Fork.Cancun],
];

function scheduleOf(config: GenesisFileConfig): ForkActivation[] {
  const byFork = new Map<Fork, ForkActivation>();
  for (const [key, fork] of BLOCK_FORKS) {
    const block = config[key] as bigint | undefined;
    if (block !== undefined) byFork.set(fork, { fork, block });
  }
  // A terminal total difficulty of zero means the chain starts after the Merge.
  if (config.terminaltotaldifficulty === 0n && !byFork.has(Fork.Paris)) byFork.set(Fork.Paris, { fork: Fork.Paris, block: 0n });
  for (const [key, fork] of TIME_FORKS) {
    const timestamp = config[key] as bigint | undefined;
    if (timestamp !== undefined) byFork.set(fork, { fork, timestamp });
  }
  return [...byFork.values()];
}

function consensusOf(config: GenesisFileConfig): ConsensusConfig {
  if (config.clique) {
    return {
      engine: 'clique',
      blockPeriodSeconds: config.clique.blockperiodseconds ?? config.clique.period ?? 15,
      epochLength: config.clique.epochlength ?? config.clique.epoch ?? 30000n,
      createEmptyBlocks: config.clique.createemptyblocks ?? true,
    };
  }
  const bft = config.qbft ?? config.ibft2;
  if (bft) {
    return {
      engine: config.qbft ? 'qbft' : 'ibft2',
      blockPeriodSeconds: bft.blockperiodseconds ?? 1,
      epochLength: bft.epochlength ?? 30000n,
      requestTimeoutSeconds: bft.requesttimeoutseconds ?? 10,
      blockReward: bft.blockreward,
      miningBeneficiary: bft.miningbeneficiary,
      validatorContractAddress: bft.validatorcontractaddress,
    };
  }
  if (config.dev) return { engine: 'dev', blockPeriodSeconds: config.dev.blockperiodseconds ?? 0 };
  if (config.terminaltotaldifficulty === 0n) return { engine: 'pos' };
  return { engine: 'ethash', fixedDifficulty: config.ethash?.fixeddifficulty };
}

const FORK_BY_NAME: Record<string, Fork> = { cancun: Fork.Cancun };

function blobScheduleOf(config: GenesisFileConfig, issues: string[]): Partial<Record<Fork, BlobParams>> {
  const out: Partial<Record<Fork, BlobParams>> = {};
  for (const [name, params] of Object.entries(config.blobschedule ?? {})) {
    const fork = FORK_BY_NAME[name.toLowerCase()];
    // Schedules for forks Cairn does not execute yet (prague, osaka…) are kept out, not refused.
    if (fork !== undefined) out[fork] = params;
    else if (!/^[a-z]+$/i.test(name)) issues.push(`config.blobschedule.${name}: not a fork name`);
  }
  return out;
}

/**
 * Parses a geth/Besu genesis file (already read as JSON). Every invalid field is reported in one
 * `ConfigError`, each with its path, rather than stopping at the first.
 */
export function parseGenesis(json: unknown): Genesis {
  const parsed = genesisSchema.safeParse(normalizeKeys(json));
  if (!parsed.success) throw new ConfigError('invalid genesis file', describeIssues(parsed.error));
  const g = parsed.data;
  const issues: string[] = [];
  const alloc: GenesisAccount[] = [];
  for (const [key, account] of Object.entries(g.alloc)) {
    const hex = key.startsWith('0x') || key.startsWith('0X') ? key.slice(2) : key;
    if (!/^[0-9a-fA-F]{40}$/.test(hex)) {
      issues.push(`alloc.${key}: not an address (expected 40 hex digits)`);
      continue;
    }
    const storage: [bigint, bigint][] = [];
    for (const [slot, value] of Object.entries(account.storage ?? {})) {
      const slotHex = slot.startsWith('0x') || slot.startsWith('0X') ? slot.slice(2) : slot;
      if (!/^[0-9a-fA-F]{1,64}$/.test(slotHex)) issues.push(`alloc.${key}.storage.${slot}: not a storage slot`);
      else if (value !== 0n) storage.push([BigInt(`0x${slotHex}`), value]);
    }
    alloc.push({ address: hexToBytes(`0x${hex}`), balance: account.balance, nonce: account.nonce, code: account.code ?? new Uint8Array(0), storage });
  }
  const blobSchedule = blobScheduleOf(g.config, issues);
  if (issues.length > 0) throw new ConfigError('invalid genesis file', issues);
  let config: ChainConfig;
  try {
    config = new ChainConfig({
      chainId: g.config.chainid,
      schedule: scheduleOf(g.config),
      terminalTotalDifficulty: g.config.terminaltotaldifficulty,
      daoForkSupport: g.config.daoforksupport,
      blobSchedule,
      consensus: consensusOf(g.config),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError('invalid genesis file', error.issues.map((i) => `config: ${i}`));
    throw error;
  }
  return {
    config,
    nonce: g.nonce,
    timestamp: g.timestamp,
    extraData: g.extradata,
    gasLimit: g.gaslimit,
    difficulty: g.difficulty,
    mixHash: g.mixhash ?? new Uint8Array(32),
    coinbase: g.coinbase ?? new Uint8Array(20),
    number: g.number,
    gasUsed: g.gasused,
    parentHash: g.parenthash ?? new Uint8Array(32),
    baseFeePerGas: g.basefeepergas,
    excessBlobGas: g.excessblobgas,
    blobGasUsed: g.blobgasused,
    parentBeaconBlockRoot: g.parentbeaconblockroot,
    alloc,
  };
}
