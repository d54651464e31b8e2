import { EMPTY_BYTES } from '@cairn/common';
import type { AccountState } from '../state/account-state';
import type { ExecutionContext } from './context';
import type { Memory } from './memory';
import type { Program } from './program';
import { HALT, Status } from './status';

/** What started a frame, which decides how its end is folded back into the caller. */
export const FrameKind = {
  Call: 0,
  CallCode: 1,
  DelegateCall: 2,
  StaticCall: 3,
  Create: 4,
  Create2: 5,
} as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

/** The largest gas a frame keeps in its `gas` number; anything above sits exactly in `reserve`. */
const MAX_NUMBER_GAS = Number.MAX_SAFE_INTEGER;
const MAX_NUMBER_GAS_BIG = BigInt(MAX_NUMBER_GAS);

/** The parts of a message a frame runs: who calls whom, with what value, data and gas. */
export interface FrameInit {
  readonly kind: FrameKind;
  readonly account: AccountState;
  readonly caller: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly isStatic: boolean;
  readonly depth: number;
  readonly gas: bigint;
}

/**
 * One call frame: the stack, memory, gas and message of a running piece of code.
 *
 * Gas is a JavaScript number on the hot path. It is exact because every value stays below 2^53:
 * a frame given more gas than that (state tests use limits up to 2^63) keeps the excess in the
 * bigint `reserve`, and `charge` draws on it only when the number runs out. Only the opcodes
 * that observe the exact amount (GAS, the CALL and CREATE families, SSTORE's sentry) read both.
 */
export class Frame {
  readonly stack: bigint[];
  sp = 0;
  gas = 0;
  reserve = 0n;
  readonly prog: Program;
  readonly mem: Memory;
  returnData: Uint8Array = EMPTY_BYTES;
  readonly ctx: ExecutionContext;

  readonly kind: FrameKind;
  /** The account whose storage and balance the code acts on (ADDRESS). */
  readonly account: AccountState;
  readonly address: bigint;
  readonly caller: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly isStatic: boolean;
  readonly depth: number;
  /** The gas the frame started with. */
  readonly initialGas: bigint;
  /** The instruction whose tracer step and constant gas are done (the traced loop's resume guard). */
  stepped = -1;

  status: number = Status.Running;
  output: Uint8Array = EMPTY_BYTES;
  /** Set by a handler that returned SUSPEND or ENTER. */
  pending: Promise<unknown> | undefined = undefined;
  child: Frame | undefined = undefined;
  resumeAt = 0;
  /** The frame that called this one (undefined for the outermost frame). */
  parent: Frame | undefined = undefined;
  /** Where the caller wants the output (CALL family), and the journal position to revert to. */
  retOffset = 0;
  retSize = 0;
  checkpoint = 0;

  constructor(ctx: ExecutionContext, prog: Program, init: FrameInit, stack: bigint[], mem: Memory) {
    this.ctx = ctx;
    this.prog = prog;
    this.stack = stack;
    this.mem = mem;
    this.kind = init.kind;
    this.account = init.account;
    this.address = init.account.address;
    this.caller = init.caller;
    this.value = init.value;
    this.data = init.data;
    this.isStatic = init.isStatic;
    this.depth = init.depth;
    this.initialGas = init.gas;
    this.setGas(init.gas);
  }

  setGas(gas: bigint): void {
    if (gas > MAX_NUMBER_GAS_BIG) {
      this.gas = MAX_NUMBER_GAS;
      this.reserve = gas - MAX_NUMBER_GAS_BIG;
    } else {
      this.gas = Number(gas);
      this.reserve = 0n;
    }
  }

  /** Gas left, exactly. */
  gasLeft(): bigint {
    return this.reserve === 0n ? BigInt(this.gas) : BigInt(this.gas) + this.reserve;
  }

  /** Deducts `cost` (a non-negative integer below 2^53); false when the frame cannot pay. */
  charge(cost: number): boolean {
    this.gas -= cost;
    return this.gas >= 0 || this.refill();
  }

  /** Covers a negative `gas` from the reserve; false when even the reserve is not enough. */
  refill(): boolean {
    if (this.reserve === 0n) return false;
    const total = this.reserve + BigInt(this.gas);
    if (total < 0n) return false;
    this.setGas(total);
    return true;
  }

  /** Deducts an exact bigint amount the caller knows is affordable (gas handed to a child). */
  spend(amount: bigint): void {
    // Without a reserve, gas and so `amount` are below 2^53: plain number arithmetic is exact.
    if (this.reserve === 0n) this.gas -= Number(amount);
    else this.setGas(this.gasLeft() - amount);
  }

  /** Returns unused gas from a child frame. */
  restore(amount: bigint): void {
    if (amount === 0n) return;
    if (this.reserve === 0n && amount <= MAX_NUMBER_GAS_BIG) {
      const total = this.gas + Number(amount);
      if (total <= MAX_NUMBER_GAS) {
        this.gas = total;
        return;
      }
    }
    this.setGas(this.gasLeft() + amount);
  }

  /** Ends the frame with `status`; an exceptional status consumes all its gas. */
  halt(status: number): number {
    this.status = status;
    if (status > Status.Revert) {
      this.gas = 0;
      this.reserve = 0n;
    }
    return HALT;
  }
}
