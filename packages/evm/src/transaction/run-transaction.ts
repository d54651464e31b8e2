import { type Address, bytesToBigInt, createAddress, type ForkRules } from '@cairn/common';
import { runMessage } from '../call/top-level';
import { blobGasPriceOf, type Evm, type ForkRuntime } from '../evm';
import { isSuccess, statusName } from '../interpreter/status';
import type { JournaledState, Log } from '../state/journaled-state';
import type { Hooks } from '../tracing/hooks';
import type { BlockEnv, TransactionEnv } from './environment';
import { validateTransaction } from './validate';

/** The result of a transaction that was valid and ran (successfully or not). */
export interface TransactionResult {
  /** Whether the outermost frame succeeded (the receipt status). */
  readonly success: boolean;
  /** How it ended: `Stop`, `Return`, `Revert`, `OutOfGas`, … */
  readonly status: string;
  /** Gas the block counts for it: used gas after the refund. */
  readonly gasUsed: bigint;
  readonly gasRefund: bigint;
  readonly output: Uint8Array;
  readonly logs: readonly Log[];
  /** The new contract's address, for a successful creation. */
  readonly createdAddress: Address | undefined;
  readonly blobGasUsed: bigint;
}

export interface TransactionOptions {
  /** Gas already used by earlier transactions of the block (default 0). */
  readonly blockGasUsed?: bigint;
  readonly hooks?: Hooks;
}

/** Marks the accounts a transaction starts with warm: sender, recipient, precompiles, access list, coinbase. */
export async function warmUp(state: JournaledState, runtime: ForkRuntime, accounts: readonly bigint[], accessList: TransactionEnv['accessList'] = []): Promise<void> {
  for (const key of [...accounts, ...runtime.precompileKeys]) state.warmAccount(await state.load(key));
  for (const entry of accessList) {
    const account = await state.load(bytesToBigInt(entry.address));
    state.warmAccount(account);
    for (const key of entry.storageKeys) state.warmSlot(account, bytesToBigInt(key));
  }
}

/**
 * The state transition of one transaction: validate it (throwing `TransactionError` with the
 * state untouched), buy its gas, raise the nonce, run the call or creation, refund unused gas
 * (the refund counter capped at a half, or a fifth from EIP-3529, of the gas used), pay the
 * coinbase its tip (the base fee and blob fee are burned), and end the transaction (EIP-161
 * cleanup of touched empty accounts, SELFDESTRUCT deletions).
 */
export async function runTransaction(evm: Evm, state: JournaledState, tx: TransactionEnv, block: BlockEnv, rules: ForkRules, options: TransactionOptions = {}): Promise<TransactionResult> {
  const runtime = evm.runtime(rules);
  const sender = await state.load(bytesToBigInt(tx.sender));
  const blobGasPrice = blobGasPriceOf(block, rules);
  const cost = validateTransaction(tx, sender, block, rules, runtime.tx, blobGasPrice, options.blockGasUsed ?? 0n);
  const isCreate = tx.to === undefined;
  const target = await state.load(bytesToBigInt(isCreate ? createAddress(tx.sender, tx.nonce) : (tx.to as Address)));
  const coinbase = await state.load(bytesToBigInt(block.coinbase));
  const ctx = evm.context(state, runtime, block, { origin: sender.address, gasPrice: cost.gasPrice, blobHashes: (tx.blobVersionedHashes ?? []).map(bytesToBigInt) }, options.hooks);
  state.storageObserver = options.hooks?.onStorageChange;
  try {
    state.setBalance(sender, sender.balance - tx.gasLimit * cost.gasPrice - cost.blobGas * cost.blobGasPrice);
    state.setNonce(sender, sender.nonce + 1n);
    if (runtime.tx.accessLists) {
      const warm = [sender.address, ...(isCreate ? [] : [target.address]), ...(runtime.tx.warmCoinbase ? [coinbase.address] : [])];
      await warmUp(state, runtime, warm, tx.accessList);
    }
    const outcome = await runMessage(ctx, { sender, target, isCreate, value: tx.value, data: tx.data, gas: tx.gasLimit - cost.intrinsicGas });
    const executionGasUsed = tx.gasLimit - outcome.gasLeft;
    const counter = BigInt(Math.max(state.refund, 0));
    const cap = executionGasUsed / runtime.table.refundQuotient;
    const refund = counter < cap ? counter : cap;
    const gasUsed = executionGasUsed - refund;
    state.setBalance(sender, sender.balance + (tx.gasLimit - gasUsed) * cost.gasPrice);
    state.setBalance(coinbase, coinbase.balance + gasUsed * cost.tip);
    const logs = [...state.logs];
    state.finishTransaction(runtime.tx.deleteEmptyAccounts);
    const success = isSuccess(outcome.status);
    return {
      success,
      status: statusName(outcome.status),
      gasUsed,
      gasRefund: refund,
      output: outcome.output,
      logs,
      createdAddress: isCreate && success ? target.addressBytes : undefined,
      blobGasUsed: cost.blobGas,
    };
  } catch (error) {
    // A failure of the state reader: undo the transaction's changes before passing it on.
    state.abortTransaction();
    throw error;
  } finally {
    state.storageObserver = undefined;
  }
}

