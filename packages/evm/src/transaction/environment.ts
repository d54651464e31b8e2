import type { Address } from '@cairn/common';

/** One entry of an EIP-2930 access list. */
export interface AccessListEntry {
  readonly address: Address;
  readonly storageKeys: readonly Uint8Array[];
}

/**
 * A transaction as the EVM needs it: already decoded and its sender recovered (the `chain`
 * package does that; the EVM does not know transaction encodings). Fees follow the type: legacy
 * (0) and access-list (1) transactions set `gasPrice`; fee-market (2) and blob (3) transactions
 * set `maxFeePerGas` and `maxPriorityFeePerGas`.
 */
export interface TransactionEnv {
  readonly type: number;
  readonly sender: Address;
  /** The recipient; absent for a contract creation. */
  readonly to?: Address;
  readonly nonce: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly gasLimit: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly accessList?: readonly AccessListEntry[];
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly Uint8Array[];
}

/** The block a transaction runs in. */
export interface BlockEnv {
  readonly coinbase: Address;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly gasLimit: bigint;
  /** DIFFICULTY, before the Merge. */
  readonly difficulty?: bigint;
  /** The beacon chain randomness PREVRANDAO returns from the Merge on (32 bytes). */
  readonly prevRandao?: Uint8Array;
  /** EIP-1559 base fee, from London on. */
  readonly baseFee?: bigint;
  /** EIP-4844 excess blob gas, from Cancun on; the blob base fee is derived from it. */
  readonly excessBlobGas?: bigint;
  /**
   * The hash of block `number`, which BLOCKHASH asks for only within the 256 blocks before this
   * one. Without it, BLOCKHASH returns zero.
   */
  readonly blockHash?: (number: bigint) => Uint8Array | Promise<Uint8Array>;
}
