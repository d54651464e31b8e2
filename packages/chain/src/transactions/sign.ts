import { signHash } from '@cairn/common';
import { createTransaction } from './codec';
import { DEFAULT_TRANSACTION_TYPES, type TransactionTypeRegistry } from './registry';
import type { Transaction } from './transaction';
import type { UnsignedTransaction } from './types';

/**
 * Signs `unsigned` with a 32-byte private key (low-s, RFC 6979 nonces). A legacy transaction
 * with a `chainId` gets EIP-155 replay protection; without one it is signed as before EIP-155.
 */
export function signTransaction(unsigned: UnsignedTransaction, privateKey: Uint8Array, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES): Transaction {
  const kind = types.get(unsigned.type);
  const signature = signHash(kind.signingHash(unsigned), privateKey);
  return createTransaction({ ...unsigned, signature: kind.toTransactionSignature(unsigned, signature) }, types);
}
