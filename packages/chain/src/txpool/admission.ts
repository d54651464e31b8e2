import type { BlobSidecar } from '../transactions/blob-network';
import type { Transaction } from '../transactions/transaction';
import { validateTransaction } from '../transactions/validate';
import { type BlobProofVerifier, checkBlobSidecar } from './blobs';
import { toPoolError, TxPoolError } from './errors';
import type { ResolvedTxPoolOptions } from './options';
import type { PoolHead } from './pool-chain';
import { upfrontCost } from './pricing';

/** Where a transaction comes from: this node's RPC (`local`) or a peer. */
export interface Origin {
  readonly local: boolean;
  /** The blobs, commitments and proofs a blob transaction came with. */
  readonly sidecar?: BlobSidecar;
}

/**
 * The checks that need no account state, in this order: the transaction's own rules at the next
 * block's fork (`validateTransaction`: type, chain id, signature, intrinsic gas, field bounds),
 * the fee cap for local transactions and the minimum gas price (Besu compares the gas price, or
 * the max fee per gas, with both), the head's gas limit, and a blob transaction's sidecar.
 *
 * A fee cap below the next base fee is not refused: like Besu (whose pool validates with
 * `allowUnderpriced`), the pool keeps such a transaction for when the base fee falls, and block
 * selection skips it meanwhile.
 */
export function checkStateless(tx: Transaction, origin: Origin, head: PoolHead, options: ResolvedTxPoolOptions, verifier: BlobProofVerifier | undefined): void {
  try {
    validateTransaction(tx, head.rules);
  } catch (error) {
    throw toPoolError(error);
  }
  if (origin.local && options.txFeeCap > 0n && tx.feeCap > options.txFeeCap) {
    throw new TxPoolError('TX_FEE_CAP_EXCEEDED', `gas price ${tx.feeCap} exceeds the cap of ${options.txFeeCap} wei`);
  }
  if (tx.feeCap < options.minGasPrice) {
    throw new TxPoolError('GAS_PRICE_TOO_LOW', `gas price ${tx.feeCap} is below the minimum of ${options.minGasPrice} wei`);
  }
  if (tx.gasLimit > head.gasLimit) {
    throw new TxPoolError('EXCEEDS_BLOCK_GAS_LIMIT', `gas limit ${tx.gasLimit} exceeds the block gas limit of ${head.gasLimit}`);
  }
  if (tx.blobVersionedHashes.length > 0) checkBlobSidecar(tx, origin.sidecar, verifier);
}

/**
 * The checks against the sender's account at the head: the nonce is not used yet, lies within
 * the sender's window (Besu's limit by account), and the balance covers the upfront cost.
 */
export function checkAccount(tx: Transaction, accountNonce: bigint, balance: bigint, senderLimit: number): void {
  if (tx.nonce < accountNonce) throw new TxPoolError('NONCE_TOO_LOW', `nonce ${tx.nonce} is below the account nonce ${accountNonce}`);
  const window = BigInt(senderLimit);
  if (tx.nonce - accountNonce >= window) {
    throw new TxPoolError('NONCE_TOO_FAR_IN_FUTURE', `nonce ${tx.nonce} is ${window} or more above the account nonce ${accountNonce}`);
  }
  const cost = upfrontCost(tx);
  if (cost > balance) throw new TxPoolError('INSUFFICIENT_FUNDS', `upfront cost ${cost} exceeds the balance of ${balance} wei`);
}
