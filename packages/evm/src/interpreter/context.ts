import { bytesToBigInt, type ForkRules, type Hash256 } from '@cairn/common';
import type { PrecompileSet } from '../precompiles/precompile';
import type { JournaledState } from '../state/journaled-state';
import type { InstructionTable } from '../table/instruction-table';
import type { Hooks } from '../tracing/hooks';
import type { Frame } from './frame';
import { Memory } from './memory';
import type { ProgramCache } from './program-cache';

/** The block values opcodes read, already as bigints. */
export interface BlockValues {
  readonly coinbase: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly gasLimit: bigint;
  /** DIFFICULTY before the Merge. */
  readonly difficulty: bigint;
  /** PREVRANDAO from the Merge on (EIP-4399). */
  readonly prevRandao: bigint;
  readonly baseFee: bigint;
  readonly blobBaseFee: bigint;
  /** The hash of an ancestor within the last 256 blocks (BLOCKHASH has already checked the range). */
  readonly blockHash: (number: bigint) => Uint8Array | Promise<Uint8Array>;
}

/** The transaction values opcodes read. */
export interface TxValues {
  readonly origin: bigint;
  readonly gasPrice: bigint;
  readonly blobHashes: readonly bigint[];
}

/**
 * Everything constant while one transaction (or one stand-alone call) executes: the state, the
 * fork's table and rules, the environment, and reusable stacks and memories (one per depth, as
 * frames at the same depth never overlap in time).
 */
export class ExecutionContext {
  private readonly stacks: bigint[][] = [];
  private readonly memories: Memory[] = [];
  private readonly blockHashes = new Map<bigint, bigint>();
  /** The outermost frame, kept so that the EVM can hold on to one live frame (see `Evm.context`). */
  rootFrame: Frame | undefined = undefined;

  constructor(
    readonly state: JournaledState,
    readonly table: InstructionTable,
    readonly rules: ForkRules,
    readonly block: BlockValues,
    readonly tx: TxValues,
    readonly hasher: Hash256,
    readonly precompiles: PrecompileSet,
    readonly programs: ProgramCache,
    readonly hooks: Hooks | undefined,
  ) {}

  /**
   * An ancestor's hash, or a promise that settles once it is known (BLOCKHASH then suspends and
   * runs again). Hashes are remembered for the rest of the transaction.
   */
  blockHash(number: bigint): bigint | Promise<void> {
    const known = this.blockHashes.get(number);
    if (known !== undefined) return known;
    const hash = this.block.blockHash(number);
    if (hash instanceof Promise) return hash.then((bytes) => void this.blockHashes.set(number, bytesToBigInt(bytes)));
    const value = bytesToBigInt(hash);
    this.blockHashes.set(number, value);
    return value;
  }

  stackFor(depth: number): bigint[] {
    let stack = this.stacks[depth];
    if (stack === undefined) {
      stack = new Array<bigint>(1024).fill(0n);
      this.stacks[depth] = stack;
    }
    return stack;
  }

  /** An empty memory for a frame at `depth` (released by `releaseMemory` when the frame ends). */
  memoryFor(depth: number): Memory {
    let memory = this.memories[depth];
    if (memory === undefined) {
      memory = new Memory();
      this.memories[depth] = memory;
    }
    return memory;
  }

  releaseMemory(memory: Memory): void {
    memory.reset();
  }
}
