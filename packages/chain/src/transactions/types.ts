import type { Address, EcdsaSignature, ForkRules, RlpInput, RlpValue } from '@cairn/common';

/** One EIP-2930 access-list entry: an address and the storage keys warmed with it. */
export interface AccessListEntry {
  readonly address: Address;
  readonly storageKeys: readonly Uint8Array[];
}

export type AccessList = readonly AccessListEntry[];

/**
 * The fields of a transaction of any type, before signing. A type reads only the fields it has:
 * legacy and EIP-2930 transactions `gasPrice`, EIP-1559 and EIP-4844 ones the two fee caps,
 * EIP-4844 ones the blob fields. A legacy transaction without `chainId` is signed without
 * EIP-155 replay protection.
 */
export interface UnsignedTransaction {
  readonly type: number;
  readonly chainId?: bigint;
  readonly nonce: bigint;
  readonly gasPrice?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly gasLimit: bigint;
  /** The recipient; undefined for a contract creation. */
  readonly to?: Address;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly accessList?: AccessList;
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly Uint8Array[];
}

/**
 * A signature as a transaction carries it: typed transactions hold the recovery id `yParity`;
 * legacy ones hold `v`, which is 27 or 28, or folds in the chain id (EIP-155: chainId·2 + 35 + parity).
 */
export type TransactionSignature =
  | { readonly r: bigint; readonly s: bigint; readonly yParity: number; readonly v?: undefined }
  | { readonly r: bigint; readonly s: bigint; readonly v: bigint; readonly yParity?: undefined };

export interface SignedTransactionFields extends UnsignedTransaction {
  readonly signature: TransactionSignature;
}

/**
 * One transaction type: its codec, signing rule and fork rules. Types are looked up by their
 * EIP-2718 type byte in a `TransactionTypeRegistry`, so a new type is added by registering one
 * more of these, without editing the core. Type 0 is the legacy transaction, which has no
 * envelope: its canonical encoding is the bare RLP list.
 */
export interface TransactionType {
  /** The EIP-2718 type byte (0x01-0x7f), or 0 for legacy transactions. */
  readonly type: number;
  readonly name: string;
  /** Whether blocks under these rules may hold transactions of this type. */
  allowedAt(rules: ForkRules): boolean;
  /** The signed fields from the RLP payload (for a typed transaction, what follows the type byte). */
  decodeFields(payload: RlpValue): SignedTransactionFields;
  /** The signed payload as RLP items: the list whose encoding is (or follows the type byte of) the transaction. */
  encodeFields(tx: SignedTransactionFields): RlpInput[];
  /** The 32-byte hash a sender signs. */
  signingHash(tx: UnsignedTransaction): Uint8Array;
  /** The signature in this type's form, from an ECDSA signature over `signingHash(tx)`. */
  toTransactionSignature(tx: UnsignedTransaction, signature: EcdsaSignature): TransactionSignature;
  /** The recovery id of a signed transaction; throws `SignatureError` when the signature has none. */
  recoveryId(tx: SignedTransactionFields): number;
  /**
   * Checks of this type's own rules (chain id binding, blob limits); the checks every type shares
   * are made by `validateTransaction`.
   */
  validate(tx: SignedTransactionFields, rules: ForkRules): void;
}
