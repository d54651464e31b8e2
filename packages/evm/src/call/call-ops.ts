import { EMPTY_BYTES } from '@cairn/common';
import { Frame, FrameKind } from '../interpreter/frame';
import { memoryRegion } from '../interpreter/memory-gas';
import { accountOrLoad, codeOrLoad } from '../interpreter/state-access';
import { ENTER, isSuccess, Status, SUSPEND } from '../interpreter/status';
import { ADDRESS_MASK } from '../opcodes/words';
import type { Handler } from '../table/instruction-table';
import type { AccessCosts, CallRules } from '../table/rules-records';
import { beginCall, type Outcome } from './message-call';

/** Extra gas for a call that moves value, and the stipend the callee receives with it. */
const CALL_VALUE_GAS = 9000;
const CALL_STIPEND = 2300n;
/** Frames deeper than this cannot call or create. */
export const MAX_CALL_DEPTH = 1024;

type CallKind = typeof FrameKind.Call | typeof FrameKind.CallCode | typeof FrameKind.DelegateCall | typeof FrameKind.StaticCall;

/**
 * CALL, CALLCODE, DELEGATECALL and STATICCALL. The target and its code are loaded first (the
 * handler suspends, having changed nothing, when they are not); then the memory, access,
 * value and new-account costs are charged, the callee's gas is taken under the fork's rule
 * (all but one 64th from EIP-150), and the call either fails at once (depth, balance), finishes
 * at once (precompile, no code) or enters the callee's frame.
 */
export function makeCall(kind: CallKind, calls: CallRules, access: AccessCosts): Handler {
  const hasValue = kind === FrameKind.Call || kind === FrameKind.CallCode;
  const inputs = hasValue ? 7 : 6;
  const { tracked, coldAccountExtra } = access;
  return (f, i) => {
    const s = f.stack;
    const top = f.sp - 1;
    const address = s[top - 1] & ADDRESS_MASK;
    const value = hasValue ? s[top - 2] : 0n;
    if (kind === FrameKind.Call && f.isStatic && value !== 0n) return f.halt(Status.StaticStateChange);
    const target = accountOrLoad(f, address);
    if (target === undefined) return SUSPEND;
    const isPrecompile = address < 256n && f.ctx.precompiles.has(Number(address));
    if (!isPrecompile && codeOrLoad(f, target) === undefined) return SUSPEND;

    const requested = s[top];
    const args = top - (hasValue ? 3 : 2);
    const inSize = s[args - 1];
    const outSize = s[args - 3];
    const inStart = memoryRegion(f, s[args], inSize);
    const outStart = inStart < 0 ? -1 : memoryRegion(f, s[args - 2], outSize);
    f.sp = top + 1 - inputs;
    if (outStart < 0) return f.halt(Status.OutOfGas);
    const state = f.ctx.state;
    let cost = tracked && state.warmAccount(target) ? coldAccountExtra : 0;
    if (value !== 0n) cost += CALL_VALUE_GAS;
    if (kind === FrameKind.Call) cost += calls.newAccountGas(target, value);
    if (!f.charge(cost)) return f.halt(Status.OutOfGas);
    let gas = calls.calleeGas(f.gasLeft(), requested);
    if (gas === undefined) return f.halt(Status.OutOfGas);
    f.spend(gas);
    if (value !== 0n) gas += CALL_STIPEND;
    f.returnData = EMPTY_BYTES;
    if (f.depth >= MAX_CALL_DEPTH || (hasValue && value > f.account.balance)) {
      // The call fails without running; its gas, stipend included, goes back to the caller.
      s[f.sp++] = 0n;
      f.restore(gas);
      return i + 1;
    }
    const delegated = kind === FrameKind.CallCode || kind === FrameKind.DelegateCall;
    const result = beginCall(f.ctx, {
      kind,
      sender: f.account,
      caller: kind === FrameKind.DelegateCall ? f.caller : f.address,
      target,
      context: delegated ? f.account : target,
      value: kind === FrameKind.DelegateCall ? f.value : value,
      input: inSize === 0n ? EMPTY_BYTES : f.mem.read(inStart, Number(inSize)),
      gas,
      depth: f.depth + 1,
      isStatic: f.isStatic || kind === FrameKind.StaticCall,
    });
    if (result instanceof Frame) {
      result.retOffset = outStart;
      result.retSize = Number(outSize);
      result.parent = f;
      f.child = result;
      return ENTER;
    }
    completeCall(f, result, outStart, Number(outSize));
    return i + 1;
  };
}

/** Folds a finished call into its caller: success flag, return data, output copy, unused gas. */
export function completeCall(f: Frame, outcome: Outcome, retOffset: number, retSize: number): void {
  f.stack[f.sp++] = isSuccess(outcome.status) ? 1n : 0n;
  const output = outcome.output;
  f.returnData = output;
  if (retSize > 0 && output.length > 0) f.mem.buf.set(retSize < output.length ? output.subarray(0, retSize) : output, retOffset);
  f.restore(outcome.gasLeft);
}
