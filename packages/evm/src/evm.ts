import { blobBaseFee, bytesToBigInt, type ForkRules, type Hash256, keccak256 } from '@cairn/common';
import type { PrecompileSet } from './precompiles/precompile';
import { precompilesFor } from './precompiles/registry';
import { type BlockValues, ExecutionContext, type TxValues } from './interpreter/context';
import { ProgramCache } from './interpreter/program-cache';
import type { JournaledState } from './state/journaled-state';
import { buildTable } from './table/build-table';
import type { InstructionTable } from './table/instruction-table';
import type { Hooks } from './tracing/hooks';
import type { BlockEnv } from './transaction/environment';
import { type TransactionRules, transactionRules } from './transaction/tx-rules';

/** Yields the precompiles active under a fork's rules (cached per rules object by the provider). */
export type PrecompileProvider = (rules: ForkRules) => PrecompileSet;

export interface EvmOptions {
  /** The precompiled contracts active at each fork (default: `precompilesFor`, the built-in set). */
  readonly precompiles?: PrecompileProvider;
  /** Keccak-256 for KECCAK256, CREATE2 and code hashes (default: @cairn/common's WebAssembly keccak). */
  readonly hasher?: Hash256;
  /** Decoded programs kept per fork (default 4096). */
  readonly programCacheSize?: number;
  /**
   * Apply the retroactive EIPs to every fork, as every client does (default true): EIP-3607 (no
   * transactions from senders with code) and EIP-7610 (creation over an account with storage
   * collides). False only to replay fixtures filled before those EIPs existed.
   */
  readonly retroactiveEips?: boolean;
}

/** Everything built once per fork: the opcode table, its program cache, the precompiles, the transaction rules. */
export interface ForkRuntime {
  readonly rules: ForkRules;
  readonly table: InstructionTable;
  readonly programs: ProgramCache;
  readonly precompiles: PrecompileSet;
  /** Precompile addresses as account keys, for warming at the start of a transaction. */
  readonly precompileKeys: readonly bigint[];
  readonly tx: TransactionRules;
}

const ZERO_HASH = new Uint8Array(32);

/**
 * The EVM: long-lived, holding per-fork tables and decoded programs. It keeps no state of its
 * own between runs; each run is given a `JournaledState` and the block it executes in.
 */
export class Evm {
  readonly hasher: Hash256;
  private readonly precompileProvider: PrecompileProvider;
  private readonly programCacheSize: number;
  private readonly retroactiveEips: boolean;
  private readonly runtimes = new WeakMap<ForkRules, ForkRuntime>();
  /**
   * The context of the latest run, kept alive until the next one. V8 collects the hidden class
   * of a class once no instance of it is left, and then throws away all optimized code that was
   * specialised for it; between runs every frame, account and context would be garbage, so a
   * garbage collection there would send the whole interpreter back to unoptimized code (measured:
   * 10x slower runs after each collection). One retained run keeps those classes alive.
   */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: held, never read, to keep the classes alive
  private latest: ExecutionContext | undefined = undefined;

  constructor(options: EvmOptions = {}) {
    this.hasher = options.hasher ?? keccak256;
    this.precompileProvider = options.precompiles ?? precompilesFor;
    this.programCacheSize = options.programCacheSize ?? 4096;
    this.retroactiveEips = options.retroactiveEips ?? true;
  }

  /** The fork's table and caches, built on first use and kept per rules object. */
  runtime(rules: ForkRules): ForkRuntime {
    let runtime = this.runtimes.get(rules);
    if (runtime === undefined) {
      const table = buildTable(rules, this.retroactiveEips);
      const precompiles = this.precompileProvider(rules);
      runtime = Object.freeze({
        rules,
        table,
        programs: new ProgramCache(table, this.programCacheSize),
        precompiles,
        precompileKeys: [...precompiles.keys()].map(BigInt),
        tx: transactionRules(rules, table.create.maxInitCodeSize, this.retroactiveEips),
      });
      this.runtimes.set(rules, runtime);
    }
    return runtime;
  }

  /** The execution context of one transaction or stand-alone call. */
  context(state: JournaledState, runtime: ForkRuntime, block: BlockEnv, tx: TxValues, hooks: Hooks | undefined): ExecutionContext {
    const ctx = new ExecutionContext(state, runtime.table, runtime.rules, blockValues(block, runtime.rules), tx, this.hasher, runtime.precompiles, runtime.programs, hooks);
    this.latest = ctx;
    return ctx;
  }
}

/** The price of blob gas in this block (zero before Cancun). */
export function blobGasPriceOf(block: BlockEnv, rules: ForkRules): bigint {
  return rules.blobParams !== undefined && rules.has(4844) ? blobBaseFee(block.excessBlobGas ?? 0n, rules.blobParams) : 0n;
}

function blockValues(block: BlockEnv, rules: ForkRules): BlockValues {
  return {
    coinbase: bytesToBigInt(block.coinbase),
    number: block.number,
    timestamp: block.timestamp,
    gasLimit: block.gasLimit,
    difficulty: block.difficulty ?? 0n,
    prevRandao: block.prevRandao === undefined ? 0n : bytesToBigInt(block.prevRandao),
    baseFee: block.baseFee ?? 0n,
    blobBaseFee: blobGasPriceOf(block, rules),
    blockHash: block.blockHash ?? (() => ZERO_HASH),
  };
}
