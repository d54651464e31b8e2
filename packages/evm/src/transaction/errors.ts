import { CairnError } from '@cairn/common';

/** Why a transaction cannot be included, as a stable code. */
export type TransactionErrorCode =
  | 'TYPE_NOT_SUPPORTED'
  | 'FIELD_OUT_OF_RANGE'
  | 'NONCE_TOO_LOW'
  | 'NONCE_TOO_HIGH'
  | 'NONCE_MAX'
  | 'SENDER_NOT_EOA'
  | 'GAS_LIMIT_EXCEEDS_BLOCK'
  | 'INTRINSIC_GAS_TOO_LOW'
  | 'INITCODE_TOO_LARGE'
  | 'FEE_CAP_BELOW_BASE_FEE'
  | 'TIP_ABOVE_FEE_CAP'
  | 'INSUFFICIENT_FUNDS'
  | 'BLOB_TX_CREATE'
  | 'BLOB_TX_NO_BLOBS'
  | 'BLOB_TX_TOO_MANY_BLOBS'
  | 'BLOB_TX_BAD_VERSIONED_HASH'
  | 'BLOB_FEE_CAP_TOO_LOW';

/**
 * A transaction that is invalid in this block: thrown before any state changes, so the caller
 * can drop the transaction (or reject the block) and carry on with the state untouched.
 */
export class TransactionError extends CairnError {
  declare readonly code: TransactionErrorCode;

  constructor(code: TransactionErrorCode, message: string) {
    super(code, message);
  }
}
