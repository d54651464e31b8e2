/**
 * The shapes of chain data the RPC layer formats. They are structural interfaces of plain
 * bigint and byte fields so that the chain package's own classes (or thin adapters the node
 * writes) satisfy them, and so the handlers can be tested with plain objects.
 */

/** A block header; fields of later forks are undefined before those forks. */
export interface HeaderView {
  readonly hash: Uint8Array;
  readonly parentHash: Uint8Array;
  readonly ommersHash: Uint8Array;
  readonly beneficiary: Uint8Array;
  readonly stateRoot: Uint8Array;
  readonly transactionsRoot: Uint8Array;
  readonly receiptsRoot: Uint8Array;
  readonly logsBloom: Uint8Array;
  readonly difficulty: bigint;
  readonly number: bigint;
  readonly gasLimit: bigint;
  readonly gasUsed: bigint;
  readonly timestamp: bigint;
  readonly extraData: Uint8Array;
  /** mixHash, or prevRandao after the merge. */
  readonly mixHash: Uint8Array;
  readonly nonce: Uint8Array;
  readonly baseFeePerGas?: bigint;
  readonly withdrawalsRoot?: Uint8Array;
  readonly blobGasUsed?: bigint;
  readonly excessBlobGas?: bigint;
  readonly parentBeaconBlockRoot?: Uint8Array;
}

export interface AccessListEntryView {
  readonly address: Uint8Array;
  readonly storageKeys: readonly Uint8Array[];
}

/** A signature as a transaction carries it: `yParity` for typed transactions, `v` for legacy ones. */
export type SignatureView =
  | { readonly r: bigint; readonly s: bigint; readonly yParity: number; readonly v?: undefined }
  | { readonly r: bigint; readonly s: bigint; readonly v: bigint; readonly yParity?: undefined };

/** A signed transaction of any type (legacy, EIP-2930, EIP-1559, EIP-4844). */
export interface TransactionView {
  readonly type: number;
  readonly chainId?: bigint;
  readonly nonce: bigint;
  readonly gasPrice?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly gasLimit: bigint;
  /** Undefined for a contract creation. */
  readonly to?: Uint8Array;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly accessList?: readonly AccessListEntryView[];
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly Uint8Array[];
  readonly signature: SignatureView;
}

/** A transaction with what the chain knows of it besides its fields. */
export interface TransactionRecord {
  readonly transaction: TransactionView;
  readonly hash: Uint8Array;
  readonly sender: Uint8Array;
}

export interface LogView {
  readonly address: Uint8Array;
  readonly topics: readonly Uint8Array[];
  readonly data: Uint8Array;
}

/** A receipt as consensus keeps it, plus the gas this transaction alone used. */
export interface ReceiptView {
  readonly type: number;
  /** 1 success, 0 failure (Byzantium on); undefined before, where `stateRoot` is set instead. */
  readonly status?: 0 | 1;
  readonly stateRoot?: Uint8Array;
  readonly cumulativeGasUsed: bigint;
  readonly logsBloom: Uint8Array;
  readonly logs: readonly LogView[];
}

export interface WithdrawalView {
  readonly index: bigint;
  readonly validatorIndex: bigint;
  readonly address: Uint8Array;
  /** In Gwei, as the consensus layer counts. */
  readonly amount: bigint;
}

/** A block with its body; `size` is the length of its RLP encoding. */
export interface BlockView {
  readonly header: HeaderView;
  readonly transactions: readonly TransactionRecord[];
  readonly ommers: readonly HeaderView[];
  readonly withdrawals?: readonly WithdrawalView[];
  readonly size: bigint;
  /** Besu still reports it; undefined where the node does not track it. */
  readonly totalDifficulty?: bigint;
}
