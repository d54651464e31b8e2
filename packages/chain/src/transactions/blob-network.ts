import { concatBytes, rlpDecode, rlpEncode } from '@cairn/common';
import { DecodeError, TransactionError } from '../errors';
import { readFixedList, readList } from '../rlp/fields';
import { DEFAULT_TRANSACTION_TYPES, type TransactionTypeRegistry } from './registry';
import { Transaction } from './transaction';

const BLOB_TX_TYPE = 0x03;
/** 4096 field elements of 32 bytes (EIP-4844). */
export const BYTES_PER_BLOB = 131072;
/** A KZG commitment or proof: a compressed BLS12-381 G1 point. */
export const BYTES_PER_KZG_ITEM = 48;

/** The blobs of a blob transaction with their KZG commitments and proofs, as peers exchange them. */
export interface BlobSidecar {
  readonly blobs: readonly Uint8Array[];
  readonly commitments: readonly Uint8Array[];
  readonly proofs: readonly Uint8Array[];
}

/** A blob transaction in its network (pooled) form. */
export interface PooledBlobTransaction {
  readonly transaction: Transaction;
  readonly sidecar: BlobSidecar;
}

/** The sidecar must hold one blob, commitment and proof of the right size per versioned hash. */
function checkSidecar(tx: Transaction, sidecar: BlobSidecar): void {
  const n = tx.blobVersionedHashes.length;
  const { blobs, commitments, proofs } = sidecar;
  if (blobs.length !== n || commitments.length !== n || proofs.length !== n) {
    throw new TransactionError(
      'BLOB_SIDECAR_MISMATCH',
      `${n} versioned hashes but ${blobs.length} blobs, ${commitments.length} commitments and ${proofs.length} proofs`,
      'blobVersionedHashes',
    );
  }
  const sized = (items: readonly Uint8Array[], size: number, what: string) =>
    items.forEach((item, i) => {
      if (item.length !== size) throw new TransactionError('BLOB_SIDECAR_MISMATCH', `${what}[${i}] is ${item.length} bytes, expected ${size}`, what);
    });
  sized(blobs, BYTES_PER_BLOB, 'blobs');
  sized(commitments, BYTES_PER_KZG_ITEM, 'commitments');
  sized(proofs, BYTES_PER_KZG_ITEM, 'proofs');
}

/**
 * Decodes `0x03 ‖ rlp([tx_payload_body, blobs, commitments, proofs])`, the form of EIP-4844
 * transactions in `PooledTransactions` messages. Sizes and counts are checked; the KZG proofs
 * are not verified here.
 */
export function decodePooledBlobTransaction(bytes: Uint8Array, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES): PooledBlobTransaction {
  if (!(bytes instanceof Uint8Array) || bytes[0] !== BLOB_TX_TYPE) {
    throw new DecodeError('INVALID_ENVELOPE', 'transaction', 'a pooled blob transaction must start with type byte 0x03');
  }
  const items = readList(rlpDecode(bytes.subarray(1)), 'pooled blob transaction', 4);
  const kind = types.get(BLOB_TX_TYPE);
  const transaction = new Transaction(kind, kind.decodeFields(items[0]));
  const sidecar: BlobSidecar = {
    blobs: readFixedList(items[1], 'blobs', BYTES_PER_BLOB),
    commitments: readFixedList(items[2], 'commitments', BYTES_PER_KZG_ITEM),
    proofs: readFixedList(items[3], 'proofs', BYTES_PER_KZG_ITEM),
  };
  checkSidecar(transaction, sidecar);
  return { transaction, sidecar };
}

/** The network (pooled) form of a blob transaction with its sidecar. */
export function encodePooledBlobTransaction({ transaction, sidecar }: PooledBlobTransaction): Uint8Array {
  if (transaction.type !== BLOB_TX_TYPE) {
    throw new TransactionError('TYPE_NOT_SUPPORTED', `only blob transactions have a pooled form, not ${transaction.kind.name}`, 'type');
  }
  checkSidecar(transaction, sidecar);
  const body = transaction.kind.encodeFields(transaction);
  return concatBytes(Uint8Array.of(BLOB_TX_TYPE), rlpEncode([body, sidecar.blobs, sidecar.commitments, sidecar.proofs]));
}
