import { listItemSlices } from '../rlp/slices';
import { type BlobSidecar, decodePooledBlobTransaction } from '../transactions/blob-network';
import { decodeTransaction } from '../transactions/codec';
import type { Transaction } from '../transactions/transaction';

const BLOB_TX_TYPE = 0x03;

/** A transaction as submitted, with the sidecar a blob transaction arrives with. */
export interface Submission {
  readonly transaction: Transaction;
  readonly sidecar?: BlobSidecar;
}

/**
 * Reads submitted bytes (`eth_sendRawTransaction`, a peer's `Transactions`): the canonical
 * encoding of any type, or for a blob transaction its network form `0x03 ‖ rlp([tx, blobs,
 * commitments, proofs])`, told apart by whether the first item of the payload is a list (the
 * transaction) or a byte string (the chain id). Malformed bytes throw `RlpError` or `DecodeError`.
 */
export function decodeSubmission(bytes: Uint8Array): Submission {
  if (bytes instanceof Uint8Array && bytes[0] === BLOB_TX_TYPE) {
    const first = listItemSlices(bytes.subarray(1))?.[0];
    if (first !== undefined && first[0] >= 0xc0) return decodePooledBlobTransaction(bytes);
  }
  return { transaction: decodeTransaction(bytes) };
}
