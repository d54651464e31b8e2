import { type Address, concatBytes, keccak256, publicKeyToAddress, type RlpInput, recoverPublicKey, rlpEncode, assertSignatureRanges } from '@cairn/common';
import { TransactionError } from '../errors';
import type { AccessList, SignedTransactionFields, TransactionSignature, TransactionType } from './types';

/** The canonical (EIP-2718) encoding: the bare RLP list for legacy, `type ‖ rlp(fields)` otherwise. */
export function encodeEnvelope(kind: TransactionType, fields: SignedTransactionFields): Uint8Array {
  const list = rlpEncode(kind.encodeFields(fields));
  return kind.type === 0 ? list : concatBytes(Uint8Array.of(kind.type), list);
}

/**
 * A signed transaction of any type. Made by `decodeTransaction`, `createTransaction` or
 * `signTransaction`, so that its fields are always ones the wire format can carry. The canonical
 * encoding, the hash and the sender are computed at most once: when the transaction was decoded
 * from canonical bytes, those bytes are kept (not copied) and hashed as they are.
 */
export class Transaction implements SignedTransactionFields {
  readonly kind: TransactionType;
  readonly type: number;
  /** The chain the signature is bound to; undefined for a legacy transaction without EIP-155. */
  readonly chainId: bigint | undefined;
  readonly nonce: bigint;
  readonly gasPrice: bigint | undefined;
  readonly maxPriorityFeePerGas: bigint | undefined;
  readonly maxFeePerGas: bigint | undefined;
  readonly gasLimit: bigint;
  readonly to: Address | undefined;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly accessList: AccessList;
  readonly maxFeePerBlobGas: bigint | undefined;
  readonly blobVersionedHashes: readonly Uint8Array[];
  readonly signature: TransactionSignature;
  /** The most the sender pays per gas: `maxFeePerGas`, or `gasPrice` for types without EIP-1559 fees. */
  readonly feeCap: bigint;
  /** The most per gas the block producer may get above the base fee: `maxPriorityFeePerGas`, or `gasPrice`. */
  readonly tipCap: bigint;
  #encoded: Uint8Array | undefined;
  #hash: Uint8Array | undefined;
  #sender: Address | undefined;

  /** Use `decodeTransaction`, `createTransaction` or `signTransaction`; this trusts its input. */
  constructor(kind: TransactionType, fields: SignedTransactionFields, encoded?: Uint8Array) {
    this.kind = kind;
    this.type = kind.type;
    this.chainId = fields.chainId;
    this.nonce = fields.nonce;
    this.gasPrice = fields.gasPrice;
    this.maxPriorityFeePerGas = fields.maxPriorityFeePerGas;
    this.maxFeePerGas = fields.maxFeePerGas;
    this.gasLimit = fields.gasLimit;
    this.to = fields.to;
    this.value = fields.value;
    this.data = fields.data;
    this.accessList = fields.accessList ?? [];
    this.maxFeePerBlobGas = fields.maxFeePerBlobGas;
    this.blobVersionedHashes = fields.blobVersionedHashes ?? [];
    this.signature = fields.signature;
    // A type without any gas price field (none so far) pays nothing per gas.
    this.feeCap = fields.maxFeePerGas ?? fields.gasPrice ?? 0n;
    this.tipCap = fields.maxPriorityFeePerGas ?? fields.gasPrice ?? 0n;
    this.#encoded = encoded;
  }

  /** Whether this transaction creates a contract (it has no `to`). */
  get isCreate(): boolean {
    return this.to === undefined;
  }

  /** The canonical (EIP-2718) encoding, as `eth_sendRawTransaction` and the transaction trie take it. */
  encode(): Uint8Array {
    return (this.#encoded ??= encodeEnvelope(this.kind, this));
  }

  /** The form inside a block body: legacy transactions as an RLP list, typed ones as a byte string. */
  encodeForBlockBody(): RlpInput {
    return this.type === 0 ? this.kind.encodeFields(this) : this.encode();
  }

  /** keccak256 of the canonical encoding. */
  hash(): Uint8Array {
    return (this.#hash ??= keccak256(this.encode()));
  }

  /** The hash the sender signed. */
  signingHash(): Uint8Array {
    return this.kind.signingHash(this);
  }

  /** Whether the sender is known without recovering it (recovered before, or preset). */
  get hasSender(): boolean {
    return this.#sender !== undefined;
  }

  /**
   * Records the sender recovered elsewhere from this transaction's signing hash and signature (a
   * worker thread recovering a block's senders ahead of execution), so that `sender()` returns it
   * without recovering again. Only recovery from this transaction's own signature may set it.
   */
  presetSender(sender: Address): void {
    this.#sender = sender;
  }

  /**
   * The address that signed this transaction, recovered on first use and kept. Throws
   * `SignatureError` for a signature out of range and `TransactionError` (`SENDER_RECOVERY_FAILED`)
   * when no key made it. The low-s rule depends on the fork and is checked by `validateTransaction`.
   */
  sender(): Address {
    if (this.#sender) return this.#sender;
    const { r, s } = this.signature;
    const signature = { r, s, yParity: this.kind.recoveryId(this) };
    assertSignatureRanges(signature, false);
    let publicKey: Uint8Array;
    try {
      publicKey = recoverPublicKey(this.signingHash(), signature);
    } catch (error) {
      throw new TransactionError('SENDER_RECOVERY_FAILED', `no public key recovers from this signature: ${(error as Error).message}`, 'signature', { cause: error });
    }
    this.#sender = publicKeyToAddress(publicKey);
    return this.#sender;
  }
}
