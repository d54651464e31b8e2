import { type Address, bytesToBigInt, createAddress, EMPTY_BYTES, type ForkRules } from '@cairn/common';
import { runMessage } from '../call/top-level';
import type { Evm } from '../evm';
import type { JournaledState } from '../state/journaled-state';
import type { Hooks } from '../tracing/hooks';
import type { BlockEnv } from './environment';
import { TransactionError } from './errors';
import { concludeRun, guarded, type RunSummary, warmAtStart } from './execution';

/** A message call (or creation, without `to`) outside any transaction: no nonce, fee or intrinsic gas. */
export interface CallMessage {
  readonly caller: Address;
  readonly to?: Address;
  readonly value?: bigint;
  readonly data?: Uint8Array;
  readonly gasLimit: bigint;
  /** ORIGIN and GASPRICE as the code sees them (default: the caller, and zero). */
  readonly origin?: Address;
  readonly gasPrice?: bigint;
}

export interface CallResult extends RunSummary {
  /** Gas the execution consumed (no intrinsic gas, refunds not subtracted). */
  readonly gasUsed: bigint;
  /** The refund counter at the end (what a transaction would have been refunded, before the cap). */
  readonly refundCounter: bigint;
}

/**
 * Runs one message against `state` with transaction semantics for access (the caller, the
 * recipient, the precompiles and, from EIP-3651, the coinbase start warm) and for the end
 * (EIP-161 cleanup), but without the transaction's nonce, fee and intrinsic-gas rules. A
 * creation raises the caller's nonce, as CREATE does. For tools, tests and benchmarks.
 */
export async function runCall(evm: Evm, state: JournaledState, message: CallMessage, block: BlockEnv, rules: ForkRules, hooks?: Hooks): Promise<CallResult> {
  const runtime = evm.runtime(rules);
  const caller = await state.load(bytesToBigInt(message.caller));
  const value = message.value ?? 0n;
  if (caller.balance < value) throw new TransactionError('INSUFFICIENT_FUNDS', `balance ${caller.balance} is below the value ${value}`);
  const isCreate = message.to === undefined;
  const target = await state.load(bytesToBigInt(isCreate ? createAddress(message.caller, caller.nonce) : (message.to as Address)));
  const origin = message.origin === undefined ? caller.address : bytesToBigInt(message.origin);
  const ctx = evm.context(state, runtime, block, { origin, gasPrice: message.gasPrice ?? 0n, blobHashes: [] }, hooks);
  return guarded(state, hooks, async () => {
    if (isCreate) state.setNonce(caller, caller.nonce + 1n);
    await warmAtStart(state, runtime, { sender: caller.address, recipient: isCreate ? undefined : target.address, coinbase: block.coinbase });
    const outcome = await runMessage(ctx, { sender: caller, target, isCreate, value, data: message.data ?? EMPTY_BYTES, gas: message.gasLimit });
    const refundCounter = BigInt(Math.max(state.refund, 0));
    return { ...concludeRun(state, runtime, outcome, target, isCreate), gasUsed: message.gasLimit - outcome.gasLeft, refundCounter };
  });
}
