import { opcodeName } from '../opcodes/opcodes';
import type { FrameEnter, FrameExit, Hooks, OpcodeStep } from './hooks';

/** One step of a trace, in the shape of geth's `structLogs` (depth counts from 1). */
export interface StructLog {
  readonly pc: number;
  readonly op: string;
  readonly gas: bigint;
  /** Gas the step used: its constant and dynamic cost (for a call, what the callee used too). */
  gasCost: bigint;
  readonly depth: number;
  readonly stack: readonly bigint[];
  /** The memory before the step, when the tracer keeps memory. */
  readonly memory?: Uint8Array;
  /** Storage slots this step wrote (SSTORE), as slot → new value. */
  storage?: Map<bigint, bigint>;
}

/**
 * A minimal struct-log tracer on the EVM's hooks: every opcode with its pc, gas, cost, depth and
 * stack (and memory, if asked). A step's cost is known only once the next step of its frame (or
 * the frame's end) shows the gas left, so it is filled in then.
 */
export class StructLogTracer {
  readonly logs: StructLog[] = [];
  /** Per depth: the step still waiting for its cost. */
  private readonly open: (StructLog | undefined)[] = [];
  private readonly startGas: bigint[] = [];
  readonly hooks: Hooks;

  constructor(private readonly options: { readonly memory?: boolean } = {}) {
    this.hooks = {
      onOpcode: (step) => this.step(step),
      onEnter: (frame) => this.enter(frame),
      onExit: (frame) => this.exit(frame),
      onStorageChange: (_address, slot, _previous, value) => {
        const last = this.logs[this.logs.length - 1];
        if (last !== undefined) (last.storage ??= new Map()).set(slot, value);
      },
    };
  }

  private step(step: OpcodeStep): void {
    this.close(step.depth, step.gas);
    const log: StructLog = {
      pc: step.pc,
      op: opcodeName(step.op),
      gas: step.gas,
      gasCost: BigInt(step.cost),
      depth: step.depth + 1,
      stack: step.stack,
      ...(this.options.memory ? { memory: step.memory.slice() } : {}),
    };
    this.logs.push(log);
    this.open[step.depth] = log;
  }

  private enter(frame: FrameEnter): void {
    this.startGas[frame.depth] = frame.gas;
  }

  private exit(frame: FrameExit): void {
    const start = this.startGas[frame.depth];
    if (start !== undefined) this.close(frame.depth, start - frame.gasUsed);
  }

  private close(depth: number, gasNow: bigint): void {
    const pending = this.open[depth];
    if (pending !== undefined) pending.gasCost = pending.gas - gasNow;
    this.open[depth] = undefined;
  }
}
