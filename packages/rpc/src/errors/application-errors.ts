import { JsonRpcError } from './json-rpc-error';

/**
 * Why the transaction pool (or eth_sendRawTransaction's checks) refused a transaction. Codes and
 * messages are Besu's (`RpcErrorType`), so tools written against Besu recognise them.
 */
export const TxRejection = {
  NonceTooLow: 'NONCE_TOO_LOW',
  NonceTooHigh: 'NONCE_TOO_HIGH',
  NonceTooFarInFuture: 'NONCE_TOO_FAR_IN_FUTURE',
  InsufficientFunds: 'INSUFFICIENT_FUNDS',
  IntrinsicGasExceedsLimit: 'INTRINSIC_GAS_EXCEEDS_LIMIT',
  ExceedsBlockGasLimit: 'EXCEEDS_BLOCK_GAS_LIMIT',
  ReplacementUnderpriced: 'REPLACEMENT_UNDERPRICED',
  FeeCapBelowBaseFee: 'FEE_CAP_BELOW_BASE_FEE',
  GasPriceTooLow: 'GAS_PRICE_TOO_LOW',
  BlobFeeCapBelowBlobBaseFee: 'BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE',
  PriorityFeeAboveMaxFee: 'PRIORITY_FEE_ABOVE_MAX_FEE',
  TxFeeCapExceeded: 'TX_FEE_CAP_EXCEEDED',
  AlreadyKnown: 'ALREADY_KNOWN',
  InvalidChainId: 'INVALID_CHAIN_ID',
  ChainIdRequired: 'CHAIN_ID_REQUIRED',
  InvalidSignature: 'INVALID_SIGNATURE',
  InvalidTransactionType: 'INVALID_TRANSACTION_TYPE',
  PoolDisabled: 'POOL_DISABLED',
} as const;
export type TxRejectionReason = (typeof TxRejection)[keyof typeof TxRejection];

const TX_REJECTIONS: Record<TxRejectionReason, readonly [number, string]> = {
  NONCE_TOO_LOW: [-32001, 'Nonce too low'],
  NONCE_TOO_HIGH: [-32006, 'Nonce too high'],
  NONCE_TOO_FAR_IN_FUTURE: [-32000, 'Transaction nonce is too distant from current sender nonce'],
  INSUFFICIENT_FUNDS: [-32004, 'Upfront cost exceeds account balance'],
  INTRINSIC_GAS_EXCEEDS_LIMIT: [-32003, 'Intrinsic gas exceeds gas limit'],
  EXCEEDS_BLOCK_GAS_LIMIT: [-32005, 'Transaction gas limit exceeds block gas limit'],
  REPLACEMENT_UNDERPRICED: [-32000, 'Replacement transaction underpriced'],
  FEE_CAP_BELOW_BASE_FEE: [-32009, 'Gas price below current base fee'],
  GAS_PRICE_TOO_LOW: [-32009, 'Gas price below configured minimum gas price'],
  BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE: [-32009, 'blob gas price below current blob base fee'],
  PRIORITY_FEE_ABOVE_MAX_FEE: [-32000, 'Max priority fee per gas exceeds max fee per gas'],
  TX_FEE_CAP_EXCEEDED: [-32000, 'Transaction fee cap exceeded'],
  ALREADY_KNOWN: [-32000, 'Known transaction'],
  INVALID_CHAIN_ID: [-32000, 'Wrong chainId'],
  CHAIN_ID_REQUIRED: [-32000, 'ChainId is required'],
  INVALID_SIGNATURE: [-32002, 'Invalid signature'],
  INVALID_TRANSACTION_TYPE: [-32602, 'Invalid transaction type'],
  POOL_DISABLED: [-32002, 'Transaction pool not enabled'],
};

/** A transaction refused before it reached the pool; `reason` is stable for callers. */
export class TransactionRejectedError extends JsonRpcError {
  readonly reason: TxRejectionReason;

  /** `detail` (say, "nonce 3 < account nonce 5") is appended to Besu's message. */
  constructor(reason: TxRejectionReason, detail?: string) {
    const [code, message] = TX_REJECTIONS[reason];
    super(code, detail ? `${message}: ${detail}` : message);
    this.reason = reason;
  }
}

/** Other application errors with Besu's codes and messages. */
export const RpcErrors = {
  filterNotFound: () => new JsonRpcError(-32000, 'Filter not found'),
  subscriptionNotFound: () => new JsonRpcError(-32000, 'Subscription not found'),
  blockNotFound: (detail?: string) => new JsonRpcError(-32000, detail ? `Block not found: ${detail}` : 'Block not found'),
  unknownBlock: () => new JsonRpcError(-39001, 'Unknown block'),
  /** State of a block that was pruned (or never kept): the block exists, its state does not. */
  worldStateUnavailable: (detail?: string) =>
    new JsonRpcError(-32000, detail ? `World state unavailable: ${detail}` : 'World state unavailable'),
  p2pDisabled: () => new JsonRpcError(-32000, 'P2P has been disabled. This functionality is not available'),
  exceedsMaxBatchSize: (limit: number) => new JsonRpcError(-32005, `Number of requests exceeds max batch size of ${limit}`),
  exceedsRangeLimit: (limit: bigint) => new JsonRpcError(-32005, `Requested range exceeds maximum RPC range limit of ${limit}`),
  coinbaseNotSet: () => new JsonRpcError(-32010, 'Coinbase not set. Unable to start mining without a coinbase'),
  tooManySubscriptions: (limit: number) =>
    new JsonRpcError(-32000, `Too many subscriptions: at most ${limit} may be active on one connection`),
  tooManyFilters: (limit: number) => new JsonRpcError(-32000, `Too many filters: at most ${limit} may be installed`),
} as const;
