import { type Address, bytesToBigInt, createAddress, type ForkRules } from '@cairn/common';
import { runMessage } from '../call/top-level';
import { blobGasPriceOf, type Evm } from '../evm';
import type { JournaledState } from '../state/journaled-state';
import type { Hooks } from '../tracing/hooks';
import type { BlockEnv, TransactionEnv } from './environment';
import { concludeRun, guarded, type RunSummary, warmAtStart } from './execution';
import { validateTransaction } from './validate';

/** The result of a transaction that was valid and ran (successfully or not); `success` is the receipt status. */
export interface TransactionResult extends RunSummary {
  /** Gas the block counts for it: used gas after the refund. */
  readonly gasUsed: bigint;
  readonly gasRefund: bigint;
  readonly blobGasUsed: bigint;
}

export interface TransactionOptions {
  /** Gas already used by earlier transactions of the block (default 0). */
  readonly blockGasUsed?: bigint;
  readonly hooks?: Hooks;
  /**
   * EIP-3607 for this transaction, overriding the EVM's `retroactiveEips` (for replaying fixtures
   * filled before the EIP, which send from accounts with code).
   */
  readonly rejectSenderWithCode?: boolean;
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
  const rejectSenderWithCode = options.rejectSenderWithCode ?? runtime.tx.rejectSenderWithCode;
  const cost = validateTransaction(tx, sender, block, rules, runtime.tx, blobGasPrice, options.blockGasUsed ?? 0n, rejectSenderWithCode);
  const isCreate = tx.to === undefined;
  const target = await state.load(bytesToBigInt(isCreate ? createAddress(tx.sender, tx.nonce) : (tx.to as Address)));
  const coinbase = await state.load(bytesToBigInt(block.coinbase));
  const ctx = evm.context(state, runtime, block, { origin: sender.address, gasPrice: cost.gasPrice, blobHashes: (tx.blobVersionedHashes ?? []).map(bytesToBigInt) }, options.hooks);
  return guarded(state, options.hooks, async () => {
    state.setBalance(sender, sender.balance - tx.gasLimit * cost.gasPrice - cost.blobGas * cost.blobGasPrice);
    state.setNonce(sender, sender.nonce + 1n);
    await warmAtStart(state, runtime, { sender: sender.address, recipient: isCreate ? undefined : target.address, coinbase: block.coinbase }, tx.accessList);
    const outcome = await runMessage(ctx, { sender, target, isCreate, value: tx.value, data: tx.data, gas: tx.gasLimit - cost.intrinsicGas });
    const executionGasUsed = tx.gasLimit - outcome.gasLeft;
    const counter = BigInt(Math.max(state.refund, 0));
    const cap = executionGasUsed / runtime.table.refundQuotient;
    const refund = counter < cap ? counter : cap;
    const gasUsed = executionGasUsed - refund;
    state.setBalance(sender, sender.balance + (tx.gasLimit - gasUsed) * cost.gasPrice);
    state.setBalance(coinbase, coinbase.balance + gasUsed * cost.tip);
    return { ...concludeRun(state, runtime, outcome, target, isCreate), gasUsed, gasRefund: refund, blobGasUsed: cost.blobGas };
  });
}

