import { EMPTY_BYTES } from '@cairn/common';
import type { ExecutionContext } from '../interpreter/context';
import { Frame, type FrameKind } from '../interpreter/frame';
import { isSuccess, Status } from '../interpreter/status';
import type { AccountState } from '../state/account-state';
import { FRAME_TYPES, finishFrame, type Outcome, transfer } from './message-call';

/** Gas per byte of deployed code. */
const CODE_DEPOSIT_GAS = 200;

/** A contract creation about to start; the creator's nonce has already been raised. */
export interface CreateParams {
  readonly kind: typeof FrameKind.Create | typeof FrameKind.Create2;
  readonly creator: AccountState;
  /** The account at the new address, loaded. */
  readonly target: AccountState;
  readonly value: bigint;
  readonly initCode: Uint8Array;
  readonly gas: bigint;
  readonly depth: number;
}

/**
 * Starts a creation: the new address becomes warm (EIP-2929), a collision with an account that
 * has a nonce, code or (EIP-7610) storage fails at once and consumes the gas, and otherwise the account is created, the
 * value moved, and the init code's frame returned.
 */
export function beginCreate(ctx: ExecutionContext, p: CreateParams): Frame | Outcome {
  const state = ctx.state;
  const target = p.target;
  if (ctx.table.access.tracked) state.warmAccount(target);
  ctx.hooks?.onEnter?.({
    depth: p.depth,
    type: FRAME_TYPES[p.kind],
    from: p.creator.addressBytes,
    to: target.addressBytes,
    input: p.initCode,
    gas: p.gas,
    value: p.value,
  });
  if (target.nonce !== 0n || target.hasCode() || (ctx.table.create.storageCollides && target.hasStorage())) {
    ctx.hooks?.onExit?.({ depth: p.depth, output: EMPTY_BYTES, gasUsed: p.gas, success: false, error: 'CreateCollision' });
    return { status: Status.CreateCollision, gasLeft: 0n, output: EMPTY_BYTES };
  }
  const checkpoint = state.checkpoint();
  state.createAccount(target);
  const initialNonce = ctx.table.create.initialNonce;
  if (initialNonce !== 0n) state.setNonce(target, initialNonce);
  transfer(state, p.creator, target, p.value);
  const frame = new Frame(
    ctx,
    ctx.programs.uncached(p.initCode),
    { kind: p.kind, account: target, caller: p.creator.address, value: p.value, data: EMPTY_BYTES, isStatic: false, depth: p.depth, gas: p.gas },
    ctx.stackFor(p.depth),
    ctx.memoryFor(p.depth),
  );
  frame.checkpoint = checkpoint;
  return frame;
}

/**
 * Ends a creation frame: the returned code is checked (EIP-170 size, EIP-3541 prefix) and paid
 * for at 200 gas a byte, then stored. Before Homestead, code that cannot be paid for is simply
 * not stored and the creation still succeeds. A successful creation returns no data.
 */
export function endCreate(ctx: ExecutionContext, frame: Frame): Outcome {
  const rules = ctx.table.create;
  let status = frame.status;
  if (isSuccess(status)) {
    const code = frame.output;
    const cost = CODE_DEPOSIT_GAS * code.length;
    if (rules.maxCodeSize !== undefined && code.length > rules.maxCodeSize) status = Status.CodeSizeExceeded;
    else if (rules.rejectEfPrefix && code.length > 0 && code[0] === 0xef) status = Status.InvalidCodePrefix;
    else if (frame.gasLeft() < BigInt(cost)) {
      if (rules.depositOutOfGasFails) status = Status.CodeStoreOutOfGas;
    } else {
      frame.charge(cost);
      ctx.state.setCode(frame.account, code);
    }
  }
  if (!isSuccess(status)) ctx.state.revert(frame.checkpoint);
  const gasLeft = status <= Status.Revert ? frame.gasLeft() : 0n;
  return finishFrame(ctx, frame, { status, gasLeft, output: status === Status.Revert ? frame.output : EMPTY_BYTES });
}
