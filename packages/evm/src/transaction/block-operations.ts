import { type Address, bytesToBigInt, type ForkRules } from '@cairn/common';
import { runMessage } from '../call/top-level';
import type { Evm } from '../evm';
import { isSuccess, statusName } from '../interpreter/status';
import type { JournaledState } from '../state/journaled-state';
import type { BlockEnv } from './environment';
import { guarded } from './execution';

/** The caller of system calls (EIP-4788 and later): 0xff…fe. */
export const SYSTEM_ADDRESS = bytesToBigInt(new Uint8Array(20).fill(0xff)) - 1n;
/** Gas a system call may use. */
export const SYSTEM_CALL_GAS = 30_000_000n;

export interface SystemCallResult {
  readonly success: boolean;
  readonly status: string;
  readonly output: Uint8Array;
}

/**
 * A call the block processor makes outside any transaction, such as EIP-4788's beacon-root
 * store at the start of a Cancun block: from the system address, with 30M gas that nobody pays
 * for, no nonce change, only the target warm; touched empty accounts are cleared afterwards.
 */
export async function systemCall(evm: Evm, state: JournaledState, to: Address, data: Uint8Array, block: BlockEnv, rules: ForkRules): Promise<SystemCallResult> {
  const runtime = evm.runtime(rules);
  const system = await state.load(SYSTEM_ADDRESS);
  const target = await state.load(bytesToBigInt(to));
  const ctx = evm.context(state, runtime, block, { origin: SYSTEM_ADDRESS, gasPrice: 0n, blobHashes: [] }, undefined);
  return guarded(state, undefined, async () => {
    if (runtime.tx.accessLists) state.warmAccount(target);
    const outcome = await runMessage(ctx, { sender: system, target, isCreate: false, value: 0n, data, gas: SYSTEM_CALL_GAS });
    state.finishTransaction(runtime.tx.deleteEmptyAccounts);
    return { success: isSuccess(outcome.status), status: statusName(outcome.status), output: outcome.output };
  });
}

/** An EIP-4895 withdrawal: `amount` is in gwei. */
export interface Withdrawal {
  readonly address: Address;
  readonly amount: bigint;
}

const WEI_PER_GWEI = 1_000_000_000n;

/**
 * Credits a block's withdrawals (EIP-4895) after its transactions: plain balance increases, no
 * gas, no code run. A zero withdrawal to an empty account leaves no trace (EIP-161 cleanup).
 */
export async function applyWithdrawals(state: JournaledState, withdrawals: readonly Withdrawal[]): Promise<void> {
  for (const withdrawal of withdrawals) {
    const account = await state.load(bytesToBigInt(withdrawal.address));
    state.setBalance(account, account.balance + withdrawal.amount * WEI_PER_GWEI);
  }
  state.finishTransaction(true);
}
