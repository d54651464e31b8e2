import { CairnError } from '@cairn/common';

/**
 * Why bytes could not be read as a chain object although they are valid RLP: the RLP has the
 * wrong shape for the object (a list where a byte string belongs, a field too long or too short,
 * an integer with leading zeros, a wrong number of fields) or the envelope is unknown.
 */
export type DecodeErrorCode =
  | 'INVALID_ENVELOPE'
  | 'UNKNOWN_TX_TYPE'
  | 'FIELD_COUNT'
  | 'FIELD_NOT_BYTES'
  | 'FIELD_NOT_LIST'
  | 'LEADING_ZEROS'
  | 'FIELD_TOO_LONG'
  | 'FIELD_TOO_SHORT';

/** Valid RLP with the wrong shape for what it should hold; `field` names the offending field. */
export class DecodeError extends CairnError {
  declare readonly code: DecodeErrorCode;
  readonly field: string;

  constructor(code: DecodeErrorCode, field: string, message: string) {
    super(code, `${field}: ${message}`);
    this.field = field;
  }
}

/**
 * Why a well-formed transaction is not valid under a fork's rules. Signature values out of range
 * are reported with `@cairn/common`'s `SignatureError` (code `INVALID_SIGNATURE`).
 */
export type TransactionErrorCode =
  | 'TYPE_NOT_SUPPORTED'
  | 'MISSING_FIELD'
  | 'INVALID_CHAIN_ID'
  | 'SENDER_RECOVERY_FAILED'
  | 'NONCE_MAX'
  | 'VALUE_TOO_LARGE'
  | 'PRIORITY_FEE_ABOVE_MAX_FEE'
  | 'GAS_COST_OVERFLOW'
  | 'INIT_CODE_TOO_LARGE'
  | 'INTRINSIC_GAS_TOO_LOW'
  | 'BLOB_TX_CREATE'
  | 'NO_BLOBS'
  | 'TOO_MANY_BLOBS'
  | 'INVALID_BLOB_VERSIONED_HASH'
  | 'BLOB_SIDECAR_MISMATCH';

/** A transaction that breaks a rule; `field` names the field at fault where there is one. */
export class TransactionError extends CairnError {
  declare readonly code: TransactionErrorCode;
  readonly field: string | undefined;

  constructor(code: TransactionErrorCode, message: string, field?: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.field = field;
  }
}

/** Why a header or a block breaks a rule that needs no execution. */
export type BlockErrorCode =
  | 'MISSING_FIELD'
  | 'UNEXPECTED_FIELD'
  | 'INVALID_PARENT_HASH'
  | 'INVALID_NUMBER'
  | 'INVALID_TIMESTAMP'
  | 'EXTRA_DATA_TOO_LONG'
  | 'INVALID_EXTRA_DATA'
  | 'GAS_USED_ABOVE_LIMIT'
  | 'INVALID_GAS_LIMIT'
  | 'INVALID_DIFFICULTY'
  | 'INVALID_NONCE'
  | 'INVALID_OMMERS_HASH'
  | 'TOO_MANY_OMMERS'
  | 'INVALID_BASE_FEE'
  | 'INVALID_BLOB_GAS_USED'
  | 'INVALID_EXCESS_BLOB_GAS'
  | 'INVALID_TRANSACTIONS_ROOT'
  | 'INVALID_WITHDRAWALS_ROOT'
  /** The proof of work (or another engine's seal) does not hold. */
  | 'INVALID_SEAL'
  /** An ommer's header is invalid (its `cause` says why). */
  | 'INVALID_OMMER'
  /** An ommer is the block itself or one of its seven ancestors. */
  | 'OMMER_IS_ANCESTOR'
  /** An ommer was already included, by this block or one of its ancestors. */
  | 'DUPLICATE_OMMER'
  /** An ommer's parent is not one of the block's ancestors (or is its parent: a sibling). */
  | 'OMMER_PARENT_NOT_ANCESTOR'
  /** The parent block is not known. */
  | 'UNKNOWN_PARENT'
  /** A proof-of-work block after the terminal total difficulty, or a proof-of-stake block before it. */
  | 'INVALID_MERGE_TRANSITION'
  /** A transaction of the block cannot be included (its `cause` is the transaction's error). */
  | 'INVALID_TRANSACTION'
  /** The results of executing the block differ from what its header says. */
  | 'INVALID_GAS_USED'
  | 'INVALID_LOGS_BLOOM'
  | 'INVALID_RECEIPTS_ROOT'
  | 'INVALID_STATE_ROOT';

/** A header or block that breaks a rule; `field` names the header field at fault where there is one. */
export class BlockError extends CairnError {
  declare readonly code: BlockErrorCode;
  readonly field: string | undefined;

  constructor(code: BlockErrorCode, message: string, field?: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.field = field;
  }
}

/** Why the blockchain store cannot be used as it is. */
export type ChainStoreErrorCode = 'MISSING_BLOCK' | 'GENESIS_MISMATCH';

/** The store lacks a block it must hold, or holds another chain than the one configured. */
export class ChainStoreError extends CairnError {
  declare readonly code: ChainStoreErrorCode;

  constructor(code: ChainStoreErrorCode, message: string) {
    super(code, message);
  }
}
