import { equalBytes } from '@cairn/common';
import { type KzgBackend, kzgToVersionedHash } from '@cairn/evm';
import type { BlobSidecar } from '../transactions/blob-network';
import type { Transaction } from '../transactions/transaction';
import { TxPoolError } from './errors';

/** The one KZG check the pool makes: the node passes `@cairn/evm`'s KZG backend. */
export type BlobProofVerifier = Pick<KzgBackend, 'verifyBlobKzgProof'>;

/**
 * Checks a blob transaction's sidecar: one blob, commitment and proof per versioned hash, each
 * commitment hashing to its versioned hash, and each proof showing that the blob matches its
 * commitment. Without a verifier the pool takes no blob transactions at all, since it could not
 * tell a valid sidecar from garbage that would make any block built with it invalid.
 */
export function checkBlobSidecar(tx: Transaction, sidecar: BlobSidecar | undefined, verifier: BlobProofVerifier | undefined): void {
  if (!verifier) throw new TxPoolError('BLOB_TRANSACTIONS_NOT_ACCEPTED', 'this pool was set up without a KZG verifier');
  if (!sidecar) {
    throw new TxPoolError('INVALID_BLOBS', 'a blob transaction must be submitted in its network form, with its blobs, commitments and proofs');
  }
  const hashes = tx.blobVersionedHashes;
  const { blobs, commitments, proofs } = sidecar;
  if (blobs.length !== hashes.length || commitments.length !== hashes.length || proofs.length !== hashes.length) {
    throw new TxPoolError('INVALID_BLOBS', `${hashes.length} versioned hashes but ${blobs.length} blobs, ${commitments.length} commitments and ${proofs.length} proofs`);
  }
  hashes.forEach((hash, i) => {
    if (!equalBytes(kzgToVersionedHash(commitments[i]), hash)) throw new TxPoolError('INVALID_BLOBS', `commitment ${i} does not hash to versioned hash ${i}`);
    let valid: boolean;
    try {
      valid = verifier.verifyBlobKzgProof(blobs[i], commitments[i], proofs[i]);
    } catch (error) {
      throw new TxPoolError('INVALID_BLOBS', `blob ${i}: ${(error as Error).message}`, { cause: error });
    }
    if (!valid) throw new TxPoolError('INVALID_BLOBS', `the proof of blob ${i} does not verify against its commitment`);
  });
}
