import { bytesToBigInt, type Address } from '@cairn/common';
import type { Outcome } from '../call/message-call';
import type { ForkRuntime } from '../evm';
import { isSuccess, statusName } from '../interpreter/status';
import type { AccountState } from '../state/account-state';
import type { JournaledState, Log } from '../state/journaled-state';
import type { Hooks } from '../tracing/hooks';
import type { AccessListEntry } from './environment';

/**
 * Runs `body` as one unit of execution on `state`: the tracer's storage hook is set for its
 * duration, and if anything throws (a failing state reader) every change it made is undone
 * before the error goes on, so a caller never sees a half-applied transaction.
 */
export async function guarded<T>(state: JournaledState, hooks: Hooks | undefined, body: () => Promise<T>): Promise<T> {
  state.storageObserver = hooks?.onStorageChange;
  try {
    return await body();
  } catch (error) {
    state.abortTransaction();
    throw error;
  } finally {
    state.storageObserver = undefined;
  }
}

/**
 * Marks what a transaction starts with warm (EIP-2929/2930): the sender, the recipient, the
 * precompiles, the access list and, from EIP-3651, the coinbase. Nothing before Berlin.
 */
export async function warmAtStart(
  state: JournaledState,
  runtime: ForkRuntime,
  accounts: { readonly sender: bigint; readonly recipient: bigint | undefined; readonly coinbase: Address },
  accessList: readonly AccessListEntry[] = [],
): Promise<void> {
  if (!runtime.tx.accessLists) return;
  const keys = [accounts.sender, ...runtime.precompileKeys];
  if (accounts.recipient !== undefined) keys.push(accounts.recipient);
  if (runtime.tx.warmCoinbase) keys.push(bytesToBigInt(accounts.coinbase));
  for (const key of keys) state.warmAccount(await state.load(key));
  for (const entry of accessList) {
    const account = await state.load(bytesToBigInt(entry.address));
    state.warmAccount(account);
    for (const key of entry.storageKeys) state.warmSlot(account, bytesToBigInt(key));
  }
}

/** What every kind of run reports about its outermost message. */
export interface RunSummary {
  readonly success: boolean;
  /** How it ended: `Stop`, `Return`, `Revert`, `OutOfGas`, … */
  readonly status: string;
  readonly output: Uint8Array;
  readonly logs: readonly Log[];
  /** The new contract's address, for a successful creation. */
  readonly createdAddress: Address | undefined;
}

/** Ends the transaction on `state` (EIP-161 cleanup, deletions) and sums up its outermost message. */
export function concludeRun(state: JournaledState, runtime: ForkRuntime, outcome: Outcome, target: AccountState, isCreate: boolean): RunSummary {
  const logs = [...state.logs];
  state.finishTransaction(runtime.tx.deleteEmptyAccounts);
  const success = isSuccess(outcome.status);
  return { success, status: statusName(outcome.status), output: outcome.output, logs, createdAddress: isCreate && success ? target.addressBytes : undefined };
}
