import type { ExecutionContext } from '../interpreter/context';
import { runFrames } from '../interpreter/driver';
import { Frame, FrameKind } from '../interpreter/frame';
import type { AccountState } from '../state/account-state';
import { beginCreate, endCreate } from './creation';
import { beginCall, endCall, type Outcome } from './message-call';

/** The outermost message of a transaction or stand-alone call. */
export interface TopLevelMessage {
  readonly sender: AccountState;
  /** The recipient, or the account at the new address for a creation. */
  readonly target: AccountState;
  readonly isCreate: boolean;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly gas: bigint;
}

/** Runs a message at depth 0 to its end (the sender's nonce and balance checks are the caller's). */
export async function runMessage(ctx: ExecutionContext, m: TopLevelMessage): Promise<Outcome> {
  if (m.isCreate) {
    const started = beginCreate(ctx, { kind: FrameKind.Create, creator: m.sender, target: m.target, value: m.value, initCode: m.data, gas: m.gas, depth: 0 });
    if (!(started instanceof Frame)) return started;
    ctx.rootFrame = started;
    await runFrames(started);
    return endCreate(ctx, started);
  }
  const target = m.target;
  if (!(target.address < 256n && ctx.precompiles.has(Number(target.address)))) await ctx.state.loadCode(target);
  const started = beginCall(ctx, {
    kind: FrameKind.Call,
    sender: m.sender,
    caller: m.sender.address,
    target,
    context: target,
    value: m.value,
    input: m.data,
    gas: m.gas,
    depth: 0,
    isStatic: false,
  });
  if (!(started instanceof Frame)) return started;
  ctx.rootFrame = started;
  await runFrames(started);
  return endCall(ctx, started);
}
