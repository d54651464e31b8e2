import { GAS_PER_BLOB, intrinsicGas, VERSIONED_HASH_VERSION_KZG, type ForkRules } from '@cairn/common';
import { minBigInt } from '../opcodes/words';
import type { AccountState } from '../state/account-state';
import type { BlockEnv, TransactionEnv } from './environment';
import { TransactionError } from './errors';
import type { TransactionRules } from './tx-rules';

const MAX_UINT64 = 2n ** 64n - 1n;
const MAX_UINT256 = 2n ** 256n - 1n;

/** What a valid transaction will pay, worked out during validation. */
export interface TransactionCost {
  readonly intrinsicGas: bigint;
  /** The price per gas the sender pays (min(maxFee, baseFee + tip) under EIP-1559). */
  readonly gasPrice: bigint;
  /** What the coinbase earns per gas (the price less the burned base fee). */
  readonly tip: bigint;
  readonly blobGas: bigint;
  readonly blobGasPrice: bigint;
}

function check(condition: boolean, code: ConstructorParameters<typeof TransactionError>[0], message: string): void {
  if (!condition) throw new TransactionError(code, message);
}

function inRange(value: bigint | undefined, max: bigint, field: string): void {
  check(value === undefined || (value >= 0n && value <= max), 'FIELD_OUT_OF_RANGE', `${field} ${value} is out of range`);
}

/**
 * Every check a transaction must pass before it may run in this block, against the sender's
 * current account: type allowed at the fork, field ranges, nonce, EIP-3607 (no code at the
 * sender), the block's remaining gas, fee caps, blob rules, balance for the worst-case cost and
 * intrinsic gas. Throws `TransactionError` without touching any state.
 */
export function validateTransaction(
  tx: TransactionEnv,
  sender: AccountState,
  block: BlockEnv,
  rules: ForkRules,
  txRules: TransactionRules,
  blobGasPrice: bigint,
  blockGasUsed: bigint,
  rejectSenderWithCode: boolean,
): TransactionCost {
  check(txRules.types.has(tx.type), 'TYPE_NOT_SUPPORTED', `transaction type ${tx.type} is not valid at ${rules}`);
  inRange(tx.nonce, MAX_UINT64, 'nonce');
  inRange(tx.gasLimit, MAX_UINT64, 'gas limit');
  inRange(tx.value, MAX_UINT256, 'value');
  inRange(tx.gasPrice, MAX_UINT256, 'gas price');
  inRange(tx.maxFeePerGas, MAX_UINT256, 'max fee per gas');
  inRange(tx.maxPriorityFeePerGas, MAX_UINT256, 'max priority fee per gas');
  inRange(tx.maxFeePerBlobGas, MAX_UINT256, 'max fee per blob gas');
  const dynamic = tx.type >= 2;
  const feeCap = dynamic ? tx.maxFeePerGas : tx.gasPrice;
  const tipCap = dynamic ? tx.maxPriorityFeePerGas : tx.gasPrice;
  check(feeCap !== undefined && tipCap !== undefined, 'FIELD_OUT_OF_RANGE', `a type ${tx.type} transaction needs its fee fields`);

  check(sender.nonce <= tx.nonce, 'NONCE_TOO_LOW', `nonce ${tx.nonce} is below the sender's ${sender.nonce}`);
  check(sender.nonce >= tx.nonce, 'NONCE_TOO_HIGH', `nonce ${tx.nonce} is above the sender's ${sender.nonce}`);
  check(sender.nonce < MAX_UINT64, 'NONCE_MAX', 'the sender nonce cannot be raised past 2^64 - 1');
  check(!rejectSenderWithCode || !sender.hasCode(), 'SENDER_NOT_EOA', 'the sender has code (EIP-3607)');
  check(tx.gasLimit <= block.gasLimit - blockGasUsed, 'GAS_LIMIT_EXCEEDS_BLOCK', `gas limit ${tx.gasLimit} exceeds the block's remaining ${block.gasLimit - blockGasUsed}`);

  const baseFee = txRules.feeMarket ? (block.baseFee ?? 0n) : 0n;
  check((tipCap as bigint) <= (feeCap as bigint), 'TIP_ABOVE_FEE_CAP', `priority fee ${tipCap} exceeds the fee cap ${feeCap}`);
  check((feeCap as bigint) >= baseFee, 'FEE_CAP_BELOW_BASE_FEE', `fee cap ${feeCap} is below the base fee ${baseFee}`);
  const gasPrice = dynamic ? minBigInt(feeCap as bigint, baseFee + (tipCap as bigint)) : (feeCap as bigint);

  let blobGas = 0n;
  if (tx.type === 3) {
    const hashes = tx.blobVersionedHashes ?? [];
    const max = txRules.blobs?.max ?? 0;
    check(tx.to !== undefined, 'BLOB_TX_CREATE', 'a blob transaction cannot create a contract');
    check(hashes.length > 0, 'BLOB_TX_NO_BLOBS', 'a blob transaction must carry at least one blob');
    check(hashes.length <= max, 'BLOB_TX_TOO_MANY_BLOBS', `${hashes.length} blobs exceed the maximum of ${max}`);
    for (const hash of hashes) {
      check(hash.length === 32 && hash[0] === VERSIONED_HASH_VERSION_KZG, 'BLOB_TX_BAD_VERSIONED_HASH', 'a blob versioned hash has the wrong version');
    }
    check((tx.maxFeePerBlobGas ?? 0n) >= blobGasPrice, 'BLOB_FEE_CAP_TOO_LOW', `blob fee cap ${tx.maxFeePerBlobGas} is below the blob base fee ${blobGasPrice}`);
    blobGas = GAS_PER_BLOB * BigInt(hashes.length);
  }

  const worstCase = tx.gasLimit * (feeCap as bigint) + tx.value + blobGas * (tx.maxFeePerBlobGas ?? 0n);
  check(sender.balance >= worstCase, 'INSUFFICIENT_FUNDS', `balance ${sender.balance} is below the maximum cost ${worstCase}`);

  const isCreate = tx.to === undefined;
  const accessList = tx.accessList ?? [];
  const intrinsic = intrinsicGas(
    { data: tx.data, isCreate, accessListAddresses: accessList.length, accessListStorageKeys: accessList.reduce((n, e) => n + e.storageKeys.length, 0) },
    rules,
  );
  check(tx.gasLimit >= intrinsic, 'INTRINSIC_GAS_TOO_LOW', `gas limit ${tx.gasLimit} is below the intrinsic gas ${intrinsic}`);
  check(
    !isCreate || txRules.maxInitCodeSize === undefined || tx.data.length <= txRules.maxInitCodeSize,
    'INITCODE_TOO_LARGE',
    `init code of ${tx.data.length} bytes exceeds ${txRules.maxInitCodeSize}`,
  );
  return { intrinsicGas: intrinsic, gasPrice, tip: gasPrice - baseFee, blobGas, blobGasPrice };
}
