import { CairnError } from '@cairn/common';
import { TransactionError, type TransactionErrorCode } from '../errors';

/**
 * Why the pool refused a transaction. Each code carries the JSON-RPC error Besu answers with
 * (`RpcErrorType`: its numeric code and message text), so that RPC can pass a refusal on without a
 * table of its own. Where Besu has no answer of its own (a full pool, a rule break it reports as
 * an internal error), the code and message are Cairn's and say so in `besuName`.
 */
export const TX_POOL_REJECTIONS = {
  ALREADY_KNOWN: { rpcCode: -32000, rpcMessage: 'Known transaction', besuName: 'ETH_SEND_TX_ALREADY_KNOWN' },
  NONCE_TOO_LOW: { rpcCode: -32001, rpcMessage: 'Nonce too low', besuName: 'NONCE_TOO_LOW' },
  NONCE_TOO_FAR_IN_FUTURE: {
    rpcCode: -32000,
    rpcMessage: 'Transaction nonce is too distant from current sender nonce',
    besuName: 'NONCE_TOO_FAR_IN_FUTURE_FOR_SENDER',
  },
  INSUFFICIENT_FUNDS: { rpcCode: -32004, rpcMessage: 'Upfront cost exceeds account balance', besuName: 'TRANSACTION_UPFRONT_COST_EXCEEDS_BALANCE' },
  INTRINSIC_GAS_EXCEEDS_LIMIT: { rpcCode: -32003, rpcMessage: 'Intrinsic gas exceeds gas limit', besuName: 'INTRINSIC_GAS_EXCEEDS_LIMIT' },
  EXCEEDS_BLOCK_GAS_LIMIT: { rpcCode: -32005, rpcMessage: 'Transaction gas limit exceeds block gas limit', besuName: 'EXCEEDS_BLOCK_GAS_LIMIT' },
  REPLACEMENT_UNDERPRICED: { rpcCode: -32000, rpcMessage: 'Replacement transaction underpriced', besuName: 'ETH_SEND_TX_REPLACEMENT_UNDERPRICED' },
  GAS_PRICE_TOO_LOW: { rpcCode: -32009, rpcMessage: 'Gas price below configured minimum gas price', besuName: 'GAS_PRICE_TOO_LOW' },
  TX_FEE_CAP_EXCEEDED: { rpcCode: -32000, rpcMessage: 'Transaction fee cap exceeded', besuName: 'TX_FEECAP_EXCEEDED' },
  PRIORITY_FEE_ABOVE_MAX_FEE: {
    rpcCode: -32000,
    rpcMessage: 'Max priority fee per gas exceeds max fee per gas',
    besuName: 'MAX_PRIORITY_FEE_PER_GAS_EXCEEDS_MAX_FEE_PER_GAS',
  },
  INVALID_CHAIN_ID: { rpcCode: -32000, rpcMessage: 'Wrong chainId', besuName: 'WRONG_CHAIN_ID' },
  INVALID_SIGNATURE: { rpcCode: -32002, rpcMessage: 'Invalid signature', besuName: 'INVALID_TRANSACTION_SIGNATURE' },
  INVALID_TRANSACTION_TYPE: { rpcCode: -32602, rpcMessage: 'Invalid transaction type', besuName: 'INVALID_TRANSACTION_TYPE' },
  INVALID_BLOBS: { rpcCode: -32603, rpcMessage: 'blobs failed kzg validation', besuName: 'INVALID_BLOBS' },
  WORLD_STATE_UNAVAILABLE: { rpcCode: -32008, rpcMessage: 'Initial sync is still in progress', besuName: 'CHAIN_HEAD_WORLD_STATE_NOT_AVAILABLE' },
  // Cairn's own: Besu answers these with "Internal error" or has no such rule.
  INVALID_TRANSACTION: { rpcCode: -32000, rpcMessage: 'Invalid transaction', besuName: undefined },
  TX_POOL_FULL: { rpcCode: -32000, rpcMessage: 'Transaction pool is full', besuName: undefined },
  BLOB_TRANSACTIONS_NOT_ACCEPTED: { rpcCode: -32000, rpcMessage: 'Blob transactions are not accepted by this pool', besuName: undefined },
} as const satisfies Record<string, { rpcCode: number; rpcMessage: string; besuName: string | undefined }>;

export type TxPoolErrorCode = keyof typeof TX_POOL_REJECTIONS;

/**
 * A transaction the pool refused. `code` is stable; `rpcCode` and `rpcMessage` are the JSON-RPC
 * error Besu returns for it; `message` is that text followed by what exactly was wrong.
 */
export class TxPoolError extends CairnError {
  declare readonly code: TxPoolErrorCode;
  readonly rpcCode: number;
  readonly rpcMessage: string;
  readonly detail: string | undefined;

  constructor(code: TxPoolErrorCode, detail?: string, options?: { cause?: unknown }) {
    const { rpcCode, rpcMessage } = TX_POOL_REJECTIONS[code];
    super(code, detail ? `${rpcMessage}: ${detail}` : rpcMessage, options);
    this.rpcCode = rpcCode;
    this.rpcMessage = rpcMessage;
    this.detail = detail;
  }
}

/** The chain's validation codes that have a rejection of their own; the rest are `INVALID_TRANSACTION`. */
const FROM_TRANSACTION_ERROR: Partial<Record<TransactionErrorCode, TxPoolErrorCode>> = {
  TYPE_NOT_SUPPORTED: 'INVALID_TRANSACTION_TYPE',
  INVALID_CHAIN_ID: 'INVALID_CHAIN_ID',
  SENDER_RECOVERY_FAILED: 'INVALID_SIGNATURE',
  INTRINSIC_GAS_TOO_LOW: 'INTRINSIC_GAS_EXCEEDS_LIMIT',
  PRIORITY_FEE_ABOVE_MAX_FEE: 'PRIORITY_FEE_ABOVE_MAX_FEE',
  BLOB_SIDECAR_MISMATCH: 'INVALID_BLOBS',
};

/**
 * A pool rejection for an error thrown while checking a transaction's own rules
 * (`validateTransaction`, sender recovery): `TransactionError` by its code, a `SignatureError` as
 * an invalid signature. Anything else is not a verdict on the transaction and is returned as is.
 */
export function toPoolError(error: unknown): unknown {
  if (error instanceof TxPoolError) return error;
  if (error instanceof TransactionError) {
    return new TxPoolError(FROM_TRANSACTION_ERROR[error.code] ?? 'INVALID_TRANSACTION', error.message, { cause: error });
  }
  if (error instanceof CairnError && error.code === 'INVALID_SIGNATURE') return new TxPoolError('INVALID_SIGNATURE', error.message, { cause: error });
  return error;
}
