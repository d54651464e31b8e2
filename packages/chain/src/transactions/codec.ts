import { type RlpValue, rlpDecode, rlpItemLength } from '@cairn/common';
import { DecodeError } from '../errors';
import { topLevelItems } from '../rlp/locate';
import { DEFAULT_TRANSACTION_TYPES, type TransactionTypeRegistry } from './registry';
import { encodeEnvelope, Transaction } from './transaction';
import type { SignedTransactionFields, TransactionType } from './types';

const LEGACY = 0;

function envelopeError(first: number): DecodeError {
  return new DecodeError(
    'INVALID_ENVELOPE',
    'transaction',
    `first byte 0x${first.toString(16).padStart(2, '0')} is neither an RLP list (legacy) nor a transaction type (0x01-0x7f)`,
  );
}

/** The fields of `kind` from its RLP payload; when the RLP is malformed, names the field to blame if one is. */
function decodePayload(kind: TransactionType, payload: Uint8Array): SignedTransactionFields {
  let value: RlpValue;
  try {
    value = rlpDecode(payload);
  } catch (error) {
    const items = topLevelItems(payload);
    if (items) kind.decodeFields(items);
    throw error;
  }
  return kind.decodeFields(value);
}

/**
 * A transaction from its canonical (EIP-2718) encoding: an RLP list for legacy transactions,
 * otherwise a type byte and the type's RLP payload. `bytes` is kept, not copied, and hashed
 * as it is. Malformed RLP throws `RlpError`, a well-formed RLP of the wrong shape `DecodeError`.
 */
export function decodeTransaction(bytes: Uint8Array, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES): Transaction {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new DecodeError('INVALID_ENVELOPE', 'transaction', 'transaction bytes are empty');
  const first = bytes[0];
  if (first >= 0xc0) {
    const kind = types.get(LEGACY);
    return new Transaction(kind, decodePayload(kind, bytes), bytes);
  }
  if (first > 0x7f) {
    rlpItemLength(bytes); // a broken RLP prefix is reported as such, before the envelope
    throw envelopeError(first);
  }
  if (first === LEGACY) throw new DecodeError('UNKNOWN_TX_TYPE', 'type', 'type 0x00 is the legacy transaction, which has no envelope');
  const kind = types.get(first);
  return new Transaction(kind, decodePayload(kind, bytes.subarray(1)), bytes);
}

/**
 * A transaction as a block body holds it: a legacy transaction as an RLP list, a typed one as a
 * byte string holding its canonical encoding. For a legacy transaction, `encoded` may give the
 * list's exact encoding (a slice of the block), which is then hashed instead of re-encoding.
 */
export function decodeTransactionFromBlockBody(value: RlpValue, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES, encoded?: Uint8Array): Transaction {
  if (Array.isArray(value)) {
    const kind = types.get(LEGACY);
    return new Transaction(kind, kind.decodeFields(value), encoded);
  }
  if (value.length === 0) throw new DecodeError('INVALID_ENVELOPE', 'transaction', 'transaction bytes are empty');
  if (value[0] > 0x7f) throw envelopeError(value[0]);
  return decodeTransaction(value, types);
}

/**
 * A transaction from its fields and signature, checked exactly as if it had arrived encoded: it
 * is encoded and decoded again, so that fields the wire format cannot carry (a nonce over 64
 * bits, a missing fee cap) are refused here rather than later by a peer. The fork's rules
 * (256-bit quantities among them) are `validateTransaction`'s.
 */
export function createTransaction(fields: SignedTransactionFields, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES): Transaction {
  return decodeTransaction(encodeEnvelope(types.get(fields.type), fields), types);
}
