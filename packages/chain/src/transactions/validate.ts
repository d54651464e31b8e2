import { assertSignatureRanges, type ForkRules, intrinsicGas, MAX_INITCODE_SIZE } from '@cairn/common';
import { TransactionError } from '../errors';
import { accessListCounts } from './access-list';
import type { Transaction } from './transaction';

/** EIP-2681: a nonce must stay below 2^64 - 1, so that incrementing it cannot overflow. */
const MAX_NONCE = 2n ** 64n - 1n;
const UINT256_LIMIT = 2n ** 256n;
/** The fields decoded at any width that must fit 256 bits (r and s are bounded by the signature rules). */
const QUANTITIES = ['value', 'gasPrice', 'maxPriorityFeePerGas', 'maxFeePerGas', 'maxFeePerBlobGas'] as const;

/** The gas `tx` costs before any code runs, under `rules` (see `intrinsicGas` in `@cairn/common`). */
export function transactionIntrinsicGas(tx: Transaction, rules: ForkRules): bigint {
  const counts = accessListCounts(tx.accessList);
  return intrinsicGas({ data: tx.data, isCreate: tx.isCreate, accessListAddresses: counts.addresses, accessListStorageKeys: counts.storageKeys }, rules);
}

export interface TransactionValidationOptions {
  /**
   * Whether to check the intrinsic gas (default true). The block processor leaves it to the
   * state transition, which checks it after the sender's nonce, the fee cap and the balance, so
   * that a transaction failing several rules is rejected for the one geth reports.
   */
  readonly intrinsicGas?: boolean;
}

/**
 * Checks everything about `tx` that needs the fork's rules but no state, in the order geth's
 * transaction tool reports them: the type is allowed; the signature is bound to this chain and
 * its r and s are in range (s in the lower half from Homestead), with the type's own rules
 * (blob limits); the sender can be recovered; the gas limit covers the intrinsic gas; the nonce
 * is below 2^64 - 1; the value and prices fit 256 bits; the priority fee does not exceed the fee
 * cap; gasLimit · feeCap fits 256 bits; init code is within EIP-3860's limit. Throws
 * `TransactionError`, or `SignatureError` for signature values out of range.
 */
export function validateTransaction(tx: Transaction, rules: ForkRules, options: TransactionValidationOptions = {}): void {
  if (!tx.kind.allowedAt(rules)) {
    throw new TransactionError('TYPE_NOT_SUPPORTED', `${tx.kind.name} transactions are not allowed at ${rules}`, 'type');
  }
  tx.kind.validate(tx, rules);
  assertSignatureRanges({ r: tx.signature.r, s: tx.signature.s, yParity: tx.kind.recoveryId(tx) }, rules.has(2));
  tx.sender();
  const intrinsic = options.intrinsicGas === false ? 0n : transactionIntrinsicGas(tx, rules);
  if (tx.gasLimit < intrinsic) {
    throw new TransactionError('INTRINSIC_GAS_TOO_LOW', `gas limit ${tx.gasLimit} is below the intrinsic gas ${intrinsic}`, 'gasLimit');
  }
  if (tx.nonce >= MAX_NONCE) throw new TransactionError('NONCE_MAX', `nonce ${tx.nonce} is not below 2^64 - 1 (EIP-2681)`, 'nonce');
  for (const field of QUANTITIES) {
    const value = tx[field];
    if (value !== undefined && value >= UINT256_LIMIT) throw new TransactionError('VALUE_TOO_LARGE', `${field} does not fit 256 bits`, field);
  }
  if (tx.tipCap > tx.feeCap) {
    throw new TransactionError('PRIORITY_FEE_ABOVE_MAX_FEE', `maxPriorityFeePerGas ${tx.tipCap} exceeds maxFeePerGas ${tx.feeCap}`, 'maxPriorityFeePerGas');
  }
  if (tx.gasLimit * tx.feeCap >= UINT256_LIMIT) {
    throw new TransactionError('GAS_COST_OVERFLOW', `gasLimit ${tx.gasLimit} times fee cap ${tx.feeCap} overflows 256 bits`, 'gasLimit');
  }
  if (tx.isCreate && rules.has(3860) && tx.data.length > MAX_INITCODE_SIZE) {
    throw new TransactionError('INIT_CODE_TOO_LARGE', `init code of ${tx.data.length} bytes exceeds ${MAX_INITCODE_SIZE} (EIP-3860)`, 'data');
  }
}
