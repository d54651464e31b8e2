import { bigintToFixedBytes, EMPTY_BYTES } from '@cairn/common';
import type { ExecutionContext } from '../interpreter/context';
import { Frame, FrameKind } from '../interpreter/frame';
import { isSuccess, Status, statusName } from '../interpreter/status';
import type { AccountState } from '../state/account-state';
import type { JournaledState } from '../state/journaled-state';
import type { FrameType } from '../tracing/hooks';

/** How a call or creation ended, as its caller sees it. */
export interface Outcome {
  readonly status: number;
  /** Gas returned to the caller: what is left after success or REVERT, zero after a failure. */
  readonly gasLeft: bigint;
  /** The output of RETURN or REVERT (empty after a failure). */
  readonly output: Uint8Array;
}

/** A message call about to start. */
export interface CallParams {
  readonly kind: FrameKind;
  /** The account that pays `value` (CALL) and whose frame makes the call. */
  readonly sender: AccountState;
  /** CALLER as the callee sees it. */
  readonly caller: bigint;
  /** The account whose code runs. */
  readonly target: AccountState;
  /** The account whose storage and balance the code acts on (the target, or the caller's for CALLCODE and DELEGATECALL). */
  readonly context: AccountState;
  /** CALLVALUE as the callee sees it; moved from sender to target only for CALL. */
  readonly value: bigint;
  readonly input: Uint8Array;
  readonly gas: bigint;
  readonly depth: number;
  readonly isStatic: boolean;
}

export const FRAME_TYPES: readonly FrameType[] = ['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL', 'CREATE', 'CREATE2'];

/** Moves `value` wei; a zero transfer still touches the recipient (EIP-161), as a credit of zero does. */
export function transfer(state: JournaledState, from: AccountState, to: AccountState, value: bigint): void {
  if (value === 0n) {
    state.markExists(to);
    state.touch(to);
    return;
  }
  state.setBalance(from, from.balance - value);
  state.setBalance(to, to.balance + value);
}

/**
 * Starts a message call whose target (and its code) is loaded and whose depth and balance checks
 * have passed: takes a checkpoint, moves the value, and either finishes at once (a precompile,
 * an account without code, a call that EIP-161 turns into a no-op) or returns the callee's frame.
 */
export function beginCall(ctx: ExecutionContext, p: CallParams): Frame | Outcome {
  const state = ctx.state;
  const checkpoint = state.checkpoint();
  const target = p.target;
  const precompile = target.address < 256n ? ctx.precompiles.get(Number(target.address)) : undefined;
  const onEnter = ctx.hooks?.onEnter;
  if (onEnter !== undefined) {
    onEnter({ depth: p.depth, type: FRAME_TYPES[p.kind], from: bigintToFixedBytes(p.caller, 20), to: target.addressBytes, input: p.input, gas: p.gas, value: p.value });
  }
  if (p.kind === FrameKind.Call) {
    if (!target.exists && precompile === undefined && p.value === 0n && !ctx.table.calls.createsEmptyTarget) {
      return exitImmediately(ctx, p, { status: Status.Stop, gasLeft: p.gas, output: EMPTY_BYTES });
    }
    transfer(state, p.sender, target, p.value);
  } else if (p.kind === FrameKind.StaticCall) {
    // A static call credits the target with zero, which touches it (as every client does).
    state.markExists(target);
    state.touch(target);
  }
  if (precompile !== undefined) {
    const price = precompile.gas(p.input, ctx.rules);
    const output = price <= p.gas ? precompile.run(p.input, ctx.rules) : undefined;
    if (output === undefined) {
      state.revert(checkpoint);
      return exitImmediately(ctx, p, { status: price <= p.gas ? Status.PrecompileFailure : Status.OutOfGas, gasLeft: 0n, output: EMPTY_BYTES });
    }
    return exitImmediately(ctx, p, { status: Status.Return, gasLeft: p.gas - price, output });
  }
  const code = target.code as Uint8Array;
  if (code.length === 0) return exitImmediately(ctx, p, { status: Status.Stop, gasLeft: p.gas, output: EMPTY_BYTES });
  const frame = new Frame(
    ctx,
    ctx.programs.get(target.getCodeKey(), code),
    { kind: p.kind, account: p.context, caller: p.caller, value: p.value, data: p.input, isStatic: p.isStatic, depth: p.depth, gas: p.gas },
    ctx.stackFor(p.depth),
    ctx.memoryFor(p.depth),
  );
  frame.checkpoint = checkpoint;
  return frame;
}

function exitImmediately(ctx: ExecutionContext, p: CallParams, outcome: Outcome): Outcome {
  ctx.hooks?.onExit?.({
    depth: p.depth,
    output: outcome.output,
    gasUsed: p.gas - outcome.gasLeft,
    success: isSuccess(outcome.status),
    error: isSuccess(outcome.status) ? undefined : statusName(outcome.status),
  });
  return outcome;
}

/** Ends a call frame: a failure or REVERT undoes its changes; the frame's memory is released. */
export function endCall(ctx: ExecutionContext, frame: Frame): Outcome {
  const status = frame.status;
  if (!isSuccess(status)) ctx.state.revert(frame.checkpoint);
  const kept = status <= Status.Revert;
  const outcome = { status, gasLeft: kept ? frame.gasLeft() : 0n, output: kept ? frame.output : EMPTY_BYTES };
  return finishFrame(ctx, frame, outcome);
}

/** Reports a frame's end to the tracer and releases its memory. */
export function finishFrame(ctx: ExecutionContext, frame: Frame, outcome: Outcome): Outcome {
  ctx.releaseMemory(frame.mem);
  const onExit = ctx.hooks?.onExit;
  if (onExit !== undefined) {
    const success = isSuccess(outcome.status);
    onExit({ depth: frame.depth, output: outcome.output, gasUsed: frame.initialGas - outcome.gasLeft, success, error: success ? undefined : statusName(outcome.status) });
  }
  return outcome;
}
